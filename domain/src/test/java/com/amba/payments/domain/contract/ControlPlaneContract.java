package com.amba.payments.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.PaymentsReadiness;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.testing.TestIds;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ControlPlane} must do, whatever stores it. Extend it once per adapter. */
public abstract class ControlPlaneContract {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    /** A control plane as a new platform starts: payments off, no default fee, no projects, no keys. */
    protected abstract ControlPlane emptyControlPlane();

    protected ControlPlane controlPlane;

    @BeforeEach
    void freshControlPlane() {
        controlPlane = emptyControlPlane();
    }

    private Project newProject() {
        Project project = new Project(TestIds.projectId(), "Shop", Optional.empty(), Optional.empty(), T0);
        controlPlane.addProject(project);
        return project;
    }

    private ApiKey newKey(ProjectId project, ApiKeyKind kind) {
        ApiKey key = new ApiKey(new ApiKeyId("key_" + TestIds.alphanumeric(20)), project, kind,
                KeyHash.of(kind.prefix() + TestIds.alphanumeric(32)), T0, Optional.empty());
        controlPlane.addApiKey(key);
        return key;
    }

    @Test
    void aNewPlatformHasPaymentsOffAndNoDefaultFee() {
        assertEquals(PlatformSettings.initial(), controlPlane.platform());
    }

    @Test
    void theSwitchTurnsOnAndOffAndKeepsTheFee() {
        controlPlane.setPlatformDefaultFee(Optional.of(new BasisPoints(250)));

        controlPlane.setPaymentsEnabled(true);
        assertEquals(new PlatformSettings(true, Optional.of(new BasisPoints(250))), controlPlane.platform());

        controlPlane.setPaymentsEnabled(false);
        assertEquals(new PlatformSettings(false, Optional.of(new BasisPoints(250))), controlPlane.platform());
    }

    @Test
    void thePlatformDefaultFeeCanBeSetAndClearedWithoutTouchingTheSwitch() {
        controlPlane.setPaymentsEnabled(true);

        controlPlane.setPlatformDefaultFee(Optional.of(new BasisPoints(0)));
        assertEquals(Optional.of(new BasisPoints(0)), controlPlane.platform().defaultFee());

        controlPlane.setPlatformDefaultFee(Optional.empty());
        assertEquals(new PlatformSettings(true, Optional.empty()), controlPlane.platform());
    }

    @Test
    void anAddedProjectIsFoundAsAdded() {
        Project project = newProject();

        assertEquals(Optional.of(project), controlPlane.project(project.id()));
        assertEquals(PaymentsReadiness.NOT_SET_UP, controlPlane.project(project.id()).orElseThrow().readiness());
    }

    @Test
    void anUnknownProjectIsNotFound() {
        assertEquals(Optional.empty(), controlPlane.project(TestIds.projectId()));
    }

    @Test
    void allProjectsAreListed() {
        Project a = newProject();
        Project b = newProject();

        Set<ProjectId> listed = controlPlane.projects().stream().map(Project::id).collect(Collectors.toSet());

        assertEquals(Set.of(a.id(), b.id()), listed);
    }

    @Test
    void aProjectDefaultFeeCanBeSetAndCleared() {
        Project project = newProject();

        assertTrue(controlPlane.setProjectDefaultFee(project.id(), Optional.of(new BasisPoints(300))));
        assertEquals(Optional.of(new BasisPoints(300)), controlPlane.project(project.id()).orElseThrow().defaultFee());

        assertTrue(controlPlane.setProjectDefaultFee(project.id(), Optional.empty()));
        assertEquals(Optional.empty(), controlPlane.project(project.id()).orElseThrow().defaultFee());
    }

    @Test
    void settingTheFeeOfAnUnknownProjectAnswersFalse() {
        assertFalse(controlPlane.setProjectDefaultFee(TestIds.projectId(), Optional.of(new BasisPoints(1))));
    }

    @Test
    void anAttachedAccountMakesTheProjectOnboardingOrReady() {
        Project onboarding = newProject();
        Project ready = newProject();

        assertTrue(controlPlane.attachAccount(onboarding.id(), new ConnectedAccount(TestIds.accountId(), false)));
        assertTrue(controlPlane.attachAccount(ready.id(), new ConnectedAccount(TestIds.accountId(), true)));

        assertEquals(PaymentsReadiness.ONBOARDING, controlPlane.project(onboarding.id()).orElseThrow().readiness());
        assertEquals(PaymentsReadiness.READY, controlPlane.project(ready.id()).orElseThrow().readiness());
    }

    @Test
    void attachingToAnUnknownProjectAnswersFalse() {
        assertFalse(controlPlane.attachAccount(TestIds.projectId(), new ConnectedAccount(TestIds.accountId(), true)));
    }

    @Test
    void chargesEnabledUpdatesTheProjectHoldingTheAccountOnly() {
        Project holder = newProject();
        Project bystander = newProject();
        ConnectedAccount account = new ConnectedAccount(TestIds.accountId(), false);
        controlPlane.attachAccount(holder.id(), account);
        controlPlane.attachAccount(bystander.id(), new ConnectedAccount(TestIds.accountId(), false));

        Optional<ProjectId> updated = controlPlane.setChargesEnabled(account.id(), true);

        assertEquals(Optional.of(holder.id()), updated);
        assertEquals(Optional.of(new ConnectedAccount(account.id(), true)),
                controlPlane.project(holder.id()).orElseThrow().account());
        assertEquals(PaymentsReadiness.ONBOARDING, controlPlane.project(bystander.id()).orElseThrow().readiness());

        controlPlane.setChargesEnabled(account.id(), false);
        assertEquals(PaymentsReadiness.ONBOARDING, controlPlane.project(holder.id()).orElseThrow().readiness());
    }

    @Test
    void chargesEnabledForAnAccountNoProjectHoldsAnswersEmpty() {
        newProject();

        assertEquals(Optional.empty(), controlPlane.setChargesEnabled(TestIds.accountId(), true));
    }

    @Test
    void aKeyIsFoundByItsHash() {
        Project project = newProject();
        ApiKey key = newKey(project.id(), ApiKeyKind.SERVER);

        assertEquals(Optional.of(key), controlPlane.apiKeyByHash(key.hash()));
        assertEquals(Optional.empty(), controlPlane.apiKeyByHash(KeyHash.of("amba_sk_unknown")));
    }

    @Test
    void aKeyAtHandIsTheKeyAsTheStoreLastAnsweredItOrNothing() {
        Project project = newProject();
        ApiKey key = newKey(project.id(), ApiKeyKind.SERVER);
        controlPlane.apiKeyByHash(key.hash());
        assertTrue(Set.of(Optional.empty(), Optional.of(key)).contains(controlPlane.apiKeyAtHand(key.hash())));

        controlPlane.revokeApiKey(project.id(), key.id(), T0.plusSeconds(60));
        assertFalse(controlPlane.apiKeyAtHand(key.hash()).map(ApiKey::isActive).orElse(false),
                "once revoked here, never at hand as active");
        ApiKey revoked = controlPlane.apiKeyByHash(key.hash()).orElseThrow();
        assertTrue(Set.of(Optional.empty(), Optional.of(revoked)).contains(controlPlane.apiKeyAtHand(key.hash())));
        assertEquals(Optional.empty(), controlPlane.apiKeyAtHand(KeyHash.of("amba_sk_unknown")));
    }

    @Test
    void aRevokedKeyIsKeptButInactive() {
        Project project = newProject();
        ApiKey key = newKey(project.id(), ApiKeyKind.CLIENT);

        assertTrue(controlPlane.revokeApiKey(project.id(), key.id(), T0.plusSeconds(60)));

        ApiKey revoked = controlPlane.apiKeyByHash(key.hash()).orElseThrow();
        assertFalse(revoked.isActive());
        assertEquals(Optional.of(T0.plusSeconds(60)), revoked.revokedAt());
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocationTime() {
        Project project = newProject();
        ApiKey key = newKey(project.id(), ApiKeyKind.SERVER);
        controlPlane.revokeApiKey(project.id(), key.id(), T0.plusSeconds(60));

        assertTrue(controlPlane.revokeApiKey(project.id(), key.id(), T0.plusSeconds(120)));

        assertEquals(Optional.of(T0.plusSeconds(60)), controlPlane.apiKeyByHash(key.hash()).orElseThrow().revokedAt());
    }

    @Test
    void aKeyCannotBeRevokedThroughAnotherProject() {
        Project owner = newProject();
        Project other = newProject();
        ApiKey key = newKey(owner.id(), ApiKeyKind.SERVER);

        assertFalse(controlPlane.revokeApiKey(other.id(), key.id(), T0));
        assertFalse(controlPlane.revokeApiKey(owner.id(), new ApiKeyId("key_unknown"), T0));

        assertTrue(controlPlane.apiKeyByHash(key.hash()).orElseThrow().isActive());
    }

    @Test
    void aProjectsKeysAreListedOldestFirstWithTheirLastFourAndNoOtherProjectsKeys() {
        Project project = newProject();
        Project other = newProject();
        String secret = "amba_sk_" + TestIds.alphanumeric(32);
        ApiKey first = new ApiKey(new ApiKeyId("key_a" + TestIds.alphanumeric(10)), project.id(), ApiKeyKind.SERVER,
                KeyHash.of(secret), T0, Optional.empty(), Optional.of(ApiKey.lastFourOf(secret)));
        controlPlane.addApiKey(first);
        ApiKey second = new ApiKey(new ApiKeyId("key_b" + TestIds.alphanumeric(10)), project.id(), ApiKeyKind.CLIENT,
                KeyHash.of("amba_pk_" + TestIds.alphanumeric(32)), T0.plusSeconds(1), Optional.empty());
        controlPlane.addApiKey(second);
        newKey(other.id(), ApiKeyKind.SERVER);
        controlPlane.revokeApiKey(project.id(), second.id(), T0.plusSeconds(5));

        java.util.List<ApiKey> keys = controlPlane.apiKeys(project.id());

        assertEquals(java.util.List.of(first, second.revoked(T0.plusSeconds(5))), keys);
        assertEquals(Optional.of(secret.substring(secret.length() - 4)), keys.get(0).lastFour());
    }
}

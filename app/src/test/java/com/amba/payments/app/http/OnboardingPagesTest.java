package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stripe's onboarding flow as a project owner's browser goes through it: the link from the Admin API, the hosted
 * page (the sandbox's own, or the local Stripe server's), back to Amba's return page; an expired link's refresh.
 */
class OnboardingPagesTest {

    private static DevAmba amba;
    private static HttpClient browser;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (amba != null) {
            amba.close();
        }
    }

    private static HttpResponse<String> open(String method, String url) throws IOException, InterruptedException {
        URI uri = url.startsWith("/") ? URI.create("http://127.0.0.1:" + amba.running.port() + url) : URI.create(url);
        return browser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + redirect));
    }

    @Test
    void theReturnPageShowsReadinessAndRefreshLeadsToAFreshLinkUntilOnboardingIsDone() throws Exception {
        String project = amba.newProject("Bakery <b>&</b>");
        String account = amba.newAccount(project);

        HttpResponse<String> before = open("GET", "/onboarding/return?account=" + account);
        assertEquals(200, before.statusCode(), before::body);
        assertTrue(before.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), before::body);
        assertTrue(before.body().contains("Bakery &lt;b&gt;&amp;&lt;/b&gt;"), before::body);
        assertFalse(before.body().contains("<b>&</b>"), "the project's name is escaped");
        assertTrue(before.body().contains("data-readiness=\"onboarding\""), before::body);

        HttpResponse<String> refresh = open("GET", "/onboarding/refresh?account=" + account);
        assertEquals(302, refresh.statusCode(), refresh::body);
        String link = location(refresh);
        assertTrue(URI.create(link).isAbsolute() && link.startsWith("http"), link);

        if (DevAmba.onStripe()) {
            HttpResponse<String> hosted = open("GET", link);
            assertEquals(302, hosted.statusCode(), hosted::body);
            assertTrue(location(hosted).endsWith("/onboarding/return?account=" + account), location(hosted));
        } else {
            HttpResponse<String> page = open("GET", link);
            assertEquals(200, page.statusCode(), page::body);
            assertTrue(page.body().contains("<form method=\"post\">") && page.body().contains("Finish onboarding"),
                    page::body);
            HttpResponse<String> pressed = open("POST", link);
            assertEquals(303, pressed.statusCode(), pressed::body);
            assertEquals("/onboarding/return?account=" + account, location(pressed));
        }

        HttpResponse<String> after = open("GET", "/onboarding/return?account=" + account);
        assertEquals(200, after.statusCode(), after::body);
        assertTrue(after.body().contains("data-readiness=\"ready\""), after::body);
        HttpResponse<String> refreshWhenReady = open("GET", "/onboarding/refresh?account=" + account);
        assertEquals(302, refreshWhenReady.statusCode());
        assertEquals("/onboarding/return?account=" + account, location(refreshWhenReady));
        JsonObject status = amba.admin("GET", "/admin/payments/status", null).data();
        assertTrue(status.getJsonArray("projects").stream().map(JsonObject.class::cast)
                .anyMatch(p -> p.getString("project_id").equals(project) && p.getString("payments").equals("ready")),
                status::encode);
    }

    @Test
    void anAccountNoProjectHoldsIsAnHtmlNotFound() throws Exception {
        for (String path : new String[] {"/onboarding/return?account=acct_nobodyHoldsThis", "/onboarding/return",
            "/onboarding/refresh?account=acct_nobodyHoldsThis", "/onboarding/refresh?account=%3Cscript%3E"}) {
            HttpResponse<String> answer = open("GET", path);
            assertEquals(404, answer.statusCode(), path);
            assertTrue(answer.body().contains("ACCOUNT_NOT_FOUND"), answer::body);
            assertFalse(answer.body().contains("<script>"), answer::body);
        }
    }

    @Test
    void theAdminApisOnboardingLinkIsAnAbsoluteUrlABrowserCanOpen() throws Exception {
        String project = amba.newProject("Florist");
        Api.Answer setup = amba.admin("POST", "/admin/projects/" + project + "/payments/account", null);
        String link = setup.data().getString("onboarding_url");
        assertTrue(URI.create(link).isAbsolute() && link.startsWith("http"), link);
        HttpResponse<String> opened = open("GET", link);
        assertTrue(opened.statusCode() == 200 || opened.statusCode() == 302, opened::body);
    }
}

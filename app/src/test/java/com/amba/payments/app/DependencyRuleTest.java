package com.amba.payments.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's dependency rule, checked on the compiled classes: the domain knows only the JDK and itself;
 * an adapter knows the domain and its own library, never another adapter; nothing but app wires.
 */
class DependencyRuleTest {

    private static final String DOMAIN = "com.amba.payments.domain..";
    private static final List<String> ADAPTERS = List.of("memory", "http", "stripe", "postgres", "kafka", "webhooks");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(DependencyRuleTest::isNotATestJar)
                .importPackages("com.amba.payments");
        if (production.stream().noneMatch(c -> c.getPackageName().startsWith("com.amba.payments.domain"))) {
            throw new IllegalStateException("the domain's classes were not found on the class path");
        }
    }

    /** Other modules arrive as jars or class folders; their test-jars (contract suites use JUnit) are not production. */
    private static boolean isNotATestJar(com.tngtech.archunit.core.importer.Location location) {
        return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(DOMAIN)
                // javax.crypto is the JDK's HMAC, which signing outgoing webhooks needs (AmbaSignature).
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "javax.crypto..")
                .because("the domain is plain Java: frameworks live in adapters")
                .check(production);
    }

    @Test
    void domainKnowsNoAdapterAndNoApp() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("com.amba.payments.adapter..", "com.amba.payments.app..")
                .check(production);
    }

    @Test
    void adaptersNeverDependOnEachOther() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(other -> !other.equals(adapter))
                    .map(other -> "com.amba.payments.adapter." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("com.amba.payments.adapter." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("adapters plug into the domain's ports, not into each other")
                    .allowEmptyShould(true)
                    .check(production);
        }
    }

    @Test
    void onlyTheAppWires() {
        noClasses().that().resideOutsideOfPackage("com.amba.payments.app..")
                .should().dependOnClassesThat().resideInAPackage("com.amba.payments.app..")
                .check(production);
    }

    @Test
    void noProviderLibraryTypeCrossesIntoTheDomain() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("com.stripe..", "io.vertx..",
                        "org.apache.kafka..", "org.flywaydb..")
                .check(production);
    }
}

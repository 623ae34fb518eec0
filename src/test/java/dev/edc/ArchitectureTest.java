package dev.edc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package structure README's "Project layout" describes, held by the build. */
class ArchitectureTest {

    private static final JavaClasses EDC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.edc");

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        slices().matching("dev.edc.(*)..").should().beFreeOfCycles().check(EDC);
    }

    @Test
    void shouldKeepTheSandboxFreeOfLanguagesAndOfEverythingAboveIt() {
        noClasses()
                .that()
                .resideInAPackage("dev.edc.sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.edc.language..",
                        "dev.edc.execution..",
                        "dev.edc.queue..",
                        "dev.edc.store..",
                        "dev.edc.push..",
                        "dev.edc.api..",
                        "dev.edc.access..")
                .check(EDC);
    }

    @Test
    void shouldKeepHttpAtTheEdges() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.edc.execution..",
                        "dev.edc.language..",
                        "dev.edc.sandbox..",
                        "dev.edc.queue..",
                        "dev.edc.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
                .check(EDC);
    }

    @Test
    void shouldKeepTheDomainFreeOfItsInfrastructure() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.edc.execution..", "dev.edc.language..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.edc.queue..",
                        "dev.edc.store..",
                        "dev.edc.push..",
                        "dev.edc.api..",
                        "dev.edc.access..",
                        "org.springframework.amqp.rabbit..",
                        "org.springframework.data.redis..")
                .check(EDC);
    }
}

package dev.vouch.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point downward only (docs/architecture.md). */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vouch");

    @Test
    void modelDependsOnNothingOfOurs() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("dev.vouch.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.vouch.model..", "java..")
                .check(CLASSES);
    }

    @Test
    void librariesDoNotDependOnTheFrontEnds() {
        noClasses().that().resideOutsideOfPackage("dev.vouch.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.vouch.cli..")
                .check(CLASSES);
    }

    @Test
    void collectorsDoNotKnowEachOtherOrTheEngine() {
        for (String c : new String[] {"terraform", "azureoffline", "host", "git"}) {
            noClasses().that().resideInAPackage("dev.vouch.collect." + c + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.vouch.engine..", "dev.vouch.store..",
                            "dev.vouch.report..", "dev.vouch.catalog..")
                    .check(CLASSES);
        }
    }

    @Test
    void engineStoreAndReportStayApart() {
        noClasses().that().resideInAPackage("dev.vouch.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vouch.store..", "dev.vouch.report..", "dev.vouch.collect..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.vouch.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vouch.store..", "dev.vouch.engine..")
                .check(CLASSES);
    }
}

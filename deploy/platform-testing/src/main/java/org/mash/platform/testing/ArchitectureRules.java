package org.mash.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The shape every service keeps, so the architecture can be read from the folder tree and one package changed
 * without reading the others. A service's test calls {@link #check(String)} with its base package:
 * <ul>
 *   <li>its packages ({@code domain}, {@code events}, {@code messaging}, {@code repository}, {@code rest},
 *       {@code service}) depend on each other without cycles;</li>
 *   <li>{@code domain} is plain Java: no framework (Quarkus, SmallRye, Mutiny, Vert.x, Hibernate, JAX-RS, CDI, Kafka,
 *       MicroProfile), and none of the service's other packages. Bean Validation's declarative annotations on request
 *       records and the platform's plain-Java {@code time} rules are allowed;</li>
 *   <li>{@code events} (the event contracts, in and out) depend only on the JDK, the domain, Jackson and the platform's
 *       contract checks: never on the service, the store or a framework runtime;</li>
 *   <li>{@code @Incoming} consumers live in {@code messaging}: the adapters from Kafka to the service.</li>
 * </ul>
 */
public final class ArchitectureRules {

    static final String[] FRAMEWORKS = {"io.quarkus..", "io.smallrye..", "io.vertx..", "org.hibernate..",
            "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..", "org.apache.kafka..",
            "org.eclipse.microprofile..", "org.jboss.."};

    private ArchitectureRules() {
    }

    /** The rules, for a service whose classes are under {@code basePackage} (e.g. {@code org.mash.triage}). */
    public static List<ArchRule> of(String basePackage) {
        return List.of(
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .as("the packages of " + basePackage + " depend on each other without cycles"),
                noClasses().that().resideInAPackage(basePackage + ".domain..")
                        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                        .orShould().dependOnClassesThat().resideInAnyPackage(basePackage + ".events..",
                                basePackage + ".messaging..", basePackage + ".repository..", basePackage + ".rest..",
                                basePackage + ".service..")
                        .as("the domain of " + basePackage + " is plain Java"),
                classes().that().resideInAPackage(basePackage + ".events..")
                        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", basePackage + ".events..",
                                basePackage + ".domain..", "com.fasterxml.jackson..", "org.mash.platform.events..")
                        .as("the event contracts of " + basePackage + " depend on nothing but the JDK, the domain and Jackson"),
                methods().that().areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                        .should().beDeclaredInClassesThat().resideInAPackage(basePackage + ".messaging..")
                        .as("the Kafka consumers of " + basePackage + " live in messaging"));
    }

    /** Checks every rule against the service's main classes (tests left out). */
    public static void check(String basePackage) {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        if (main.isEmpty()) {
            throw new AssertionError("no classes found under " + basePackage);
        }
        List<String> broken = new java.util.ArrayList<>();
        for (ArchRule rule : of(basePackage)) {
            try {
                rule.check(main);
            } catch (AssertionError e) {
                broken.add(e.getMessage());
            }
        }
        if (!broken.isEmpty()) {
            throw new AssertionError(String.join("\n\n", broken));
        }
    }
}

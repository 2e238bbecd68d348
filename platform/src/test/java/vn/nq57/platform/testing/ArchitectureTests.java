package vn.nq57.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.jdbc.Jdbc;

/**
 * The boundaries every module keeps, checked on its compiled classes (issue #16): a module uses no other module's code
 * but the platform's; resources use no JDBC and no EntityManager (they call a service); {@code java.sql} only in classes
 * that say why ({@link Jdbc}). Each module extends this with its base package; the platform checks itself too.
 */
public abstract class ArchitectureTests {

    /** Every module's base package. */
    static final List<String> MODULES = List.of("vn.nq57.initiative", "vn.nq57.kpi", "vn.nq57.budget",
            "vn.nq57.portal", "vn.nq57.platform", "vn.nq57.tabular", "vn.nq57.trust", "vn.nq57.deploy");

    private static final java.util.Set<String> VALUES = java.util.Set.of("Date", "Time", "Timestamp", "SQLException");

    /** The module's base package, e.g. {@code vn.nq57.kpi}. */
    protected abstract String basePackage();

    /** The other modules' packages this module may use besides its own (the platform's, for a service). */
    protected List<String> mayUse() {
        return List.of("vn.nq57.platform", "vn.nq57.tabular");
    }

    private JavaClasses imported() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage());
    }

    @Test
    void usesNoOtherModulesCodeButWhatItMayUse() {
        String[] forbidden = MODULES.stream().filter(m -> !m.equals(basePackage()) && !mayUse().contains(m))
                .map(m -> m + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(basePackage() + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("each module is deployed on its own and talks to the others by REST and events")
                .check(imported());
    }

    @Test
    void resourcesUseNeitherJdbcNorTheEntityManager() {
        noClasses().that().resideInAPackage(basePackage() + "..").and().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .because("a resource is thin: it checks the request and calls a service, which owns the data access")
                .allowEmptyShould(true)
                .check(imported());
    }

    @Test
    void jdbcOnlyInClassesThatSayWhy() {
        classes().that(useJdbc()).should(beDeclaredJdbc())
                .because("plain JDBC is for measured hot paths and own connections (docs/ARCHITECTURE.md)")
                .allowEmptyShould(true)
                .check(imported());
    }

    @Test
    void readsTheDateOnlyFromTheInjectedClock() {
        noClasses().that().resideInAPackage(basePackage() + "..")
                .should().callMethod(LocalDate.class, "now").orShould().callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould().callMethod(YearMonth.class, "now").orShould().callMethod(YearMonth.class, "now", ZoneId.class)
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
                .because("the date decides deadlines: it comes from the injected Clock (Period.today(clock)), "
                        + "Viet Nam's whatever the host's zone, so a test can set the day")
                .check(imported());
    }

    private static DescribedPredicate<JavaClass> useJdbc() {
        return DescribedPredicate.describe("use JDBC", c -> c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().equals("java.sql")
                        // values a native query returns and an SQLException caught or mapped are no data access
                        && !VALUES.contains(d.getTargetClass().getSimpleName())));
    }

    private static ArchCondition<JavaClass> beDeclaredJdbc() {
        return new ArchCondition<>("be annotated @Jdbc (or nested in a class that is)") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                JavaClass outer = item;
                while (outer.getEnclosingClass().isPresent()) {
                    outer = outer.getEnclosingClass().get();
                }
                boolean declared = outer.isAnnotatedWith(Jdbc.class);
                events.add(new SimpleConditionEvent(item, declared, item.getName() + (declared ? " is" : " is not")
                        + " annotated @Jdbc"));
            }
        };
    }
}

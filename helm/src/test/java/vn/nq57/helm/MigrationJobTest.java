package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With an external database the databases' owner migrates them in a hook Job before the pods start, and the services
 * run with data rights and migrations off; with the bundled PostgreSQL the services migrate at start.
 */
class MigrationJobTest {

    @Test
    void eachServiceOfAnInstanceWithAnExternalDatabaseMigratesInAHookJobAsTheOwner() {
        Charts.Rendered ministry = Scenario.MINISTRY.renderWithHooks();
        for (String service : Charts.SERVICES) {
            Job job = ministry.named(Job.class, "nq57-" + service + "-migrate");
            Map<String, String> annotations = job.getMetadata().getAnnotations();
            assertEquals("pre-install,pre-upgrade", annotations.get("helm.sh/hook"), service);
            assertEquals("-5", annotations.get("helm.sh/hook-weight"), service);
            assertEquals("before-hook-creation,hook-succeeded", annotations.get("helm.sh/hook-delete-policy"), service);
            assertEquals(1, job.getSpec().getBackoffLimit());
            assertNull(job.getSpec().getActiveDeadlineSeconds(), "no deadline cuts a long migration short");

            Deployment deployment = Pods.service(ministry, service);
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            Container migrate = pod.getContainers().get(0);
            Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(app.getImage(), migrate.getImage(), service + ": the service's own image");
            assertEquals(deployment.getSpec().getTemplate().getSpec().getSecurityContext(), pod.getSecurityContext(), service);
            assertEquals(app.getSecurityContext(), migrate.getSecurityContext(), service);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
            assertEquals("Never", pod.getRestartPolicy());

            Map<String, String> jobEnv = Pods.literalEnv(ministry, migrate);
            Map<String, String> appEnv = Pods.literalEnv(ministry, app);
            String url = service.replace("-service", "").toUpperCase();
            assertEquals(appEnv.get("NQ57_" + url + "_DB_URL"), jobEnv.get("NQ57_" + url + "_DB_URL"), service + ": the same database");
            assertEquals("true", jobEnv.get("QUARKUS_INIT_AND_EXIT"));
            assertEquals("true", jobEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
            assertEquals("nq57_owner", jobEnv.get("NQ57_DB_USER"), service + " migrates as the owner");
            assertEquals("nq57-db-owner", Pods.envVar(migrate, "NQ57_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());

            assertEquals("false", appEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), service + " starts without migrating");
            assertEquals("nq57", appEnv.get("NQ57_DB_USER"), service + " runs as the data-only user");
            assertEquals("nq57-db", Pods.envVar(app, "NQ57_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        }
        assertTrue(ministry.all(Job.class).stream().noneMatch(j -> j.getMetadata().getName().contains("portal")), "the portal owns no database");
    }

    @Test
    void withoutAnOwnerTheServicesUserMigratesInTheJob() {
        Charts.Rendered rendered = Scenario.MINISTRY.renderWithHooks("global.postgresql.owner.username", "", "global.postgresql.owner.existingSecret", "");
        Container migrate = rendered.named(Job.class, "nq57-kpi-service-migrate").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("nq57", Pods.literalEnv(rendered, migrate).get("NQ57_DB_USER"));
        assertEquals("nq57-db", Pods.envVar(migrate, "NQ57_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
    }

    @Test
    void withTheBundledPostgresqlOrMigrationOffTheServicesMigrateAtStart() {
        // pre-install hooks run before the bundled PostgreSQL exists
        Charts.Rendered evaluation = Scenario.EVALUATION.renderWithHooks();
        Charts.Rendered off = Scenario.MINISTRY.renderWithHooks("kpi-service.migration.enabled", "false");
        for (Charts.Rendered rendered : new Charts.Rendered[] {evaluation, off}) {
            assertTrue(rendered.all(Job.class).stream().noneMatch(j -> j.getMetadata().getName().equals("nq57-kpi-service-migrate")));
            assertEquals("true", rendered.named(ConfigMap.class, "nq57-kpi-service").getData().get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
        }
        assertTrue(evaluation.all(Job.class).isEmpty());
        assertEquals(2, off.all(Job.class).stream().filter(j -> j.getMetadata().getName().endsWith("-migrate")).count());
    }

    @Test
    void theMigrationMountsTheTrustBundleForTheDatabasesCertificate() {
        Charts.Rendered rendered = Scenario.MINISTRY.renderWithHooks("global.trust.secret", "nq57-ca");
        PodSpec pod = rendered.named(Job.class, "nq57-budget-service-migrate").getSpec().getTemplate().getSpec();
        assertTrue(pod.getContainers().get(0).getVolumeMounts().stream().anyMatch(m -> "/etc/nq57/trust".equals(m.getMountPath())));
        assertEquals("nq57-ca", pod.getVolumes().stream().filter(v -> "trust-bundle".equals(v.getName())).findFirst().orElseThrow().getSecret().getSecretName());
    }
}

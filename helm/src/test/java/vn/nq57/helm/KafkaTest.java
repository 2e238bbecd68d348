package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled Kafka on Strimzi's kafka.strimzi.io/v1, and the topics on an external Kafka. */
class KafkaTest {

    private static final List<String> TOPICS = List.of("nq57.initiatives.v1", "nq57.kpi.v1", "nq57.budget.v1");

    @Test
    void theStrimziResourcesUseV1AndSurviveAnUninstall() {
        Charts.Rendered central = Scenario.CENTRAL.render();
        for (String kind : List.of("KafkaNodePool", "Kafka", "KafkaTopic")) {
            List<HasMetadata> resources = central.ofKind(kind);
            assertFalse(resources.isEmpty(), kind);
            for (HasMetadata resource : resources) {
                assertEquals("kafka.strimzi.io/v1", resource.getApiVersion(), kind);
                assertEquals("keep", resource.getMetadata().getAnnotations().get("helm.sh/resource-policy"), kind + " keeps its data");
                assertFalse(resource.getMetadata().getAnnotations().containsKey("strimzi.io/node-pools"), kind);
                assertFalse(resource.getMetadata().getAnnotations().containsKey("strimzi.io/kraft"), kind);
            }
        }
        GenericKubernetesResource kafka = (GenericKubernetesResource) central.ofKind("Kafka").get(0);
        assertNull(kafka.get("spec", "zookeeper"));
        assertNull(kafka.get("spec", "kafka", "replicas"), "replicas and storage belong to the node pool");
        assertNull(kafka.get("spec", "kafka", "storage"));
        assertEquals(List.of("controller", "broker"), ((GenericKubernetesResource) central.ofKind("KafkaNodePool").get(0)).get("spec", "roles"));
    }

    @Test
    void theTopicsAreTheOnesTheServicesUse() throws IOException {
        // mp.messaging.incoming.*.topic=${nq57.topic-prefix:}nq57.<x>.v1 in the services' properties, and each service publishes its own
        Pattern topic = Pattern.compile("nq57\\.[a-z]+\\.v1");
        TreeSet<String> used = new TreeSet<>();
        for (String service : Charts.SERVICES) {
            Matcher m = topic.matcher(Files.readString(Charts.source().resolveSibling(service).resolve("src/main/resources/application.properties")));
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertEquals(new TreeSet<>(TOPICS), used);
        assertEquals(TOPICS, Scenario.CENTRAL.render().ofKind("KafkaTopic").stream()
                .map(t -> (String) ((GenericKubernetesResource) t).get("spec", "topicName")).toList());
    }

    @Test
    void onAnExternalKafkaAHookJobCreatesTheTopicsBeforeTheServicesStart() {
        Charts.Rendered ministry = Scenario.MINISTRY.renderWithHooks("kafka.topicsJob.enabled", "true");
        Job job = ministry.named(Job.class, "nq57-kafka-topics");
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        assertEquals("pre-install,pre-upgrade", annotations.get("helm.sh/hook"));
        assertEquals("before-hook-creation,hook-succeeded", annotations.get("helm.sh/hook-delete-policy"));
        Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("docker.io/apache/kafka:4.1.0", c.getImage());
        String script = c.getCommand().get(2);
        for (String name : TOPICS) {
            assertTrue(script.contains("/opt/kafka/bin/kafka-topics.sh --bootstrap-server \"$BOOTSTRAP\" --create --if-not-exists --topic " + name
                    + " --partitions 6 --replication-factor 3 --config retention.ms=604800000 --config min.insync.replicas=2"), script);
        }
        assertEquals("kafka-0.bkhcn.internal:9092,kafka-1.bkhcn.internal:9092,kafka-2.bkhcn.internal:9092", Pods.envVar(c, "BOOTSTRAP").getValue());
        assertEquals(Boolean.TRUE, c.getSecurityContext().getRunAsNonRoot());
        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation());
        assertTrue(c.getResources().getLimits().containsKey("memory"));
        assertEquals(Boolean.FALSE, job.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
        // TLS/SASL through a client configuration from a Secret
        Charts.Rendered sasl = Scenario.MINISTRY.renderWithHooks("kafka.topicsJob.enabled", "true", "kafka.topicsJob.existingSecret", "nq57-kafka-client");
        String withConfig = sasl.named(Job.class, "nq57-kafka-topics").getSpec().getTemplate().getSpec().getContainers().get(0).getCommand().get(2);
        assertTrue(withConfig.contains("--command-config /etc/nq57/kafka/client.properties --create"), withConfig);
        // not by default, and never beside the bundled Strimzi cluster (its KafkaTopics do it)
        assertTrue(Scenario.MINISTRY.renderWithHooks().all(Job.class).stream().noneMatch(j -> j.getMetadata().getName().endsWith("-kafka-topics")));
        assertTrue(Scenario.CENTRAL.renderWithHooks("kafka.topicsJob.enabled", "true").all(Job.class).stream()
                .noneMatch(j -> j.getMetadata().getName().endsWith("-kafka-topics")));
    }

    @Test
    void theHelmReadmeTellsHowToListTheApiForHelmTemplateAndGitOps() throws IOException {
        String readme = Files.readString(Charts.source().resolve("README.md"));
        assertTrue(readme.contains("--set 'global.apiVersions={kafka.strimzi.io/v1,monitoring.coreos.com/v1}'"), "README names global.apiVersions for helm template");
        try (Stream<String> lines = readme.lines()) {
            assertTrue(lines.anyMatch(l -> l.contains("Argo CD") && l.contains("apiVersions")), "README says what Argo CD needs");
        }
    }
}

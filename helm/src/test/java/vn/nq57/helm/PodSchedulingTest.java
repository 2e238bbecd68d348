package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How the service and portal pods are placed, sized and stopped. */
class PodSchedulingTest {

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void theJvmsMemoryRequestIsItsLimitSoItsHeapIsNeverReclaimed(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String application : Pods.applications(rendered)) {
            Container c = Pods.container(rendered, application);
            Quantity request = c.getResources().getRequests().get("memory");
            Quantity limit = c.getResources().getLimits().get("memory");
            assertEquals(Quantity.getAmountInBytes(limit), Quantity.getAmountInBytes(request), application + ": request " + request + ", limit " + limit);
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void podsSpreadOverZonesAndNodesWithoutBlockingScheduling(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String application : Pods.applications(rendered)) {
            Deployment d = Pods.service(rendered, application);
            List<TopologySpreadConstraint> spread = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            assertEquals(List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"), spread.stream().map(TopologySpreadConstraint::getTopologyKey).toList(), application);
            for (TopologySpreadConstraint constraint : spread) {
                assertEquals("ScheduleAnyway", constraint.getWhenUnsatisfiable(), application);
                assertEquals(1, constraint.getMaxSkew());
                assertEquals(d.getSpec().getSelector().getMatchLabels(), constraint.getLabelSelector().getMatchLabels(), application);
            }
        }
    }

    @Test
    void thePreStopPauseIsTheKubeletsSleepFromKubernetes130AndAShellsBefore() {
        Charts.Rendered recent = Scenario.MINISTRY.render("global.kubeVersion", "1.31");
        Charts.Rendered older = Scenario.MINISTRY.render("global.kubeVersion", "1.29");
        for (String application : Pods.applications(recent)) {
            var sleep = Pods.container(recent, application).getLifecycle().getPreStop();
            assertNotNull(sleep.getSleep(), application);
            assertEquals(5L, sleep.getSleep().getSeconds().longValue(), application);
            assertNull(sleep.getExec(), application);
            var exec = Pods.container(older, application).getLifecycle().getPreStop();
            assertNull(exec.getSleep(), application);
            assertEquals(List.of("sh", "-c", "sleep 5"), exec.getExec().getCommand(), application);
        }
        // without global.kubeVersion: the renderer's version (helm-java's template assumes an old cluster)
        assertNotNull(Pods.container(Scenario.MINISTRY.render(), "kpi-service").getLifecycle().getPreStop().getExec());
    }
}

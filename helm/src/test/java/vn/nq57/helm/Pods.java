package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pod templates of the rendered workloads, and the environment their containers get. */
final class Pods {

    record Workload(HasMetadata owner, PodTemplateSpec template) {
        String name() {
            return owner.getKind() + "/" + owner.getMetadata().getName();
        }

        List<Container> containers() {
            List<Container> all = new ArrayList<>(template.getSpec().getContainers());
            if (template.getSpec().getInitContainers() != null) {
                all.addAll(template.getSpec().getInitContainers());
            }
            return all;
        }
    }

    private Pods() {
    }

    static List<Workload> workloads(Charts.Rendered rendered) {
        List<Workload> all = new ArrayList<>();
        rendered.all(Deployment.class).forEach(d -> all.add(new Workload(d, d.getSpec().getTemplate())));
        rendered.all(StatefulSet.class).forEach(s -> all.add(new Workload(s, s.getSpec().getTemplate())));
        if (all.isEmpty()) {
            throw new AssertionError("nothing rendered a workload");
        }
        return all;
    }

    static Deployment service(Charts.Rendered rendered, String service) {
        return rendered.named(Deployment.class, Charts.RELEASE + "-" + service);
    }

    /** The charts built on nq57-common that this render installs: the three services and, when enabled, the portal. */
    static List<String> applications(Charts.Rendered rendered) {
        return Charts.APPLICATIONS.stream().filter(name -> rendered.all(Deployment.class).stream()
                .anyMatch(d -> (Charts.RELEASE + "-" + name).equals(d.getMetadata().getName()))).toList();
    }

    static Container container(Charts.Rendered rendered, String application) {
        return service(rendered, application).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The literal environment a container gets: its ConfigMaps (envFrom) overlaid by its own literal env. */
    static Map<String, String> literalEnv(Charts.Rendered rendered, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    ConfigMap map = rendered.named(ConfigMap.class, source.getConfigMapRef().getName());
                    env.putAll(map.getData());
                }
            }
        }
        if (container.getEnv() != null) {
            for (EnvVar var : container.getEnv()) {
                if (var.getValueFrom() == null) {
                    env.put(var.getName(), var.getValue());
                }
            }
        }
        return env;
    }

    static EnvVar envVar(Container container, String name) {
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
    }
}

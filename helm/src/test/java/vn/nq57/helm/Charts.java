package vn.nq57.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The charts under helm/, copied once per test run into target/chart-work with their file:// dependencies
 * packaged (service and portal charts first, then the umbrella), and rendered with the Helm library embedded in helm-java.
 */
final class Charts {

    static final String RELEASE = "nq57";
    static final String NAMESPACE = "nq57-test";
    static final List<String> SERVICES = List.of("initiative-service", "kpi-service", "budget-service");
    static final String PORTAL = "portal";
    /** The charts that include the library chart nq57-common. */
    static final List<String> APPLICATIONS = List.of("initiative-service", "kpi-service", "budget-service", PORTAL);
    static final List<String> ALL = List.of("nq57-common", "initiative-service", "kpi-service", "budget-service", PORTAL);

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static volatile Path work;
    private static volatile Path hooksWork;

    /** helm-java's template leaves hooks out; in the hooks copy of the charts their annotations bear this name instead. */
    private static final String HOOK = "helm.sh/hook";
    private static final String HOOK_AS_MANIFEST = "hooks.nq57.test/hook";

    private Charts() {
    }

    /** helm/ in the source tree. */
    static Path source() {
        return Path.of(System.getProperty("nq57.helm.dir", ".")).toAbsolutePath().normalize();
    }

    /** The working copy with dependencies in place. */
    static synchronized Path work() {
        if (work == null) {
            Path dir = Path.of(System.getProperty("nq57.helm.work", "target/chart-work")).toAbsolutePath().normalize();
            deleteRecursively(dir);
            copyRecursively(source().resolve("charts"), dir.resolve("charts"));
            copyRecursively(source().resolve("nq57"), dir.resolve("nq57"));
            for (String application : APPLICATIONS) {
                new Helm(dir.resolve("charts").resolve(application)).dependency().update().call();
            }
            new Helm(dir.resolve("nq57")).dependency().update().call();
            work = dir;
        }
        return work;
    }

    /**
     * A copy of the charts in which the hook annotation has another name, so that template renders the hook
     * resources (Jobs, the helm test Pod) with the manifests; {@link #renderWithHooks} gives them their name back.
     */
    static synchronized Path hooksWork() {
        if (hooksWork == null) {
            Path dir = work().resolveSibling(work().getFileName() + "-hooks");
            deleteRecursively(dir);
            copyRecursively(source().resolve("charts"), dir.resolve("charts"));
            copyRecursively(source().resolve("nq57"), dir.resolve("nq57"));
            try (var files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().contains("/templates/") && Files.isRegularFile(f)).toList()) {
                    Files.writeString(file, Files.readString(file).replace(HOOK, HOOK_AS_MANIFEST));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String application : APPLICATIONS) {
                new Helm(dir.resolve("charts").resolve(application)).dependency().update().call();
            }
            new Helm(dir.resolve("nq57")).dependency().update().call();
            hooksWork = dir;
        }
        return hooksWork;
    }

    /** Renders the umbrella chart with its hook resources (helm.sh/hook annotations as in the chart). */
    static Rendered renderWithHooks(String valuesFile, String... sets) {
        String key = "hooks:" + valuesFile + Arrays.toString(sets);
        return CACHE.computeIfAbsent(key, k -> {
            TemplateCommand template = new Helm(hooksWork().resolve("nq57")).template().withName(RELEASE).withNamespace(NAMESPACE);
            if (valuesFile != null) {
                template = template.withValuesFile(umbrellaValues(valuesFile));
            }
            for (int i = 0; i < sets.length; i += 2) {
                template = template.set(sets[i], sets[i + 1]);
            }
            return Rendered.parse(template.call().replace(HOOK_AS_MANIFEST, HOOK));
        });
    }

    static Path chart(String name) {
        return "nq57".equals(name) ? work().resolve("nq57") : work().resolve("charts").resolve(name);
    }

    static Path umbrellaValues(String file) {
        return work().resolve("nq57").resolve(file);
    }

    static Path badValues(String file) {
        return source().resolve("src/test/resources/bad-values").resolve(file);
    }

    /** Renders a chart; {@code sets} are key, value pairs as for {@code helm template --set}. */
    static Rendered render(String chartName, List<Path> valuesFiles, String... sets) {
        String key = chartName + valuesFiles + Arrays.toString(sets);
        return CACHE.computeIfAbsent(key, k -> {
            TemplateCommand template = new Helm(chart(chartName)).template().withName(RELEASE).withNamespace(NAMESPACE);
            for (Path file : valuesFiles) {
                template = template.withValuesFile(file);
            }
            for (int i = 0; i < sets.length; i += 2) {
                template = template.set(sets[i], sets[i + 1]);
            }
            return Rendered.parse(template.call());
        });
    }

    static Rendered renderUmbrella(String valuesFile, String... sets) {
        return render("nq57", valuesFile == null ? List.of() : List.of(umbrellaValues(valuesFile)), sets);
    }

    /** The text of the failure when rendering must fail. */
    static String renderFailure(String chartName, List<Path> valuesFiles, String... sets) {
        try {
            render(chartName, valuesFiles, sets);
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("rendering " + chartName + " with " + valuesFiles + " succeeded but should have failed");
    }

    /** The rendered manifests, parsed with the fabric8 Kubernetes model. */
    record Rendered(String yaml, List<HasMetadata> objects) {

        static Rendered parse(String yaml) {
            List<HasMetadata> objects = new ArrayList<>();
            for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
                if (document.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"))) {
                    continue;
                }
                objects.add(Serialization.unmarshal(document, HasMetadata.class));
            }
            return new Rendered(yaml, List.copyOf(objects));
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<HasMetadata> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name + " in "
                            + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
        }
    }

    static Map<String, Object> yaml(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Serialization.yamlMapper().readValue(Files.readString(file), LinkedHashMap.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> json(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Serialization.jsonMapper().readValue(Files.readString(file), LinkedHashMap.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyRecursively(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.nq57.helm;

import java.util.List;

/** The instances the umbrella chart is rendered for. */
enum Scenario {
    /** values-central.yaml on a cluster with the Strimzi and Prometheus operators. */
    CENTRAL("values-central.yaml", "global.apiVersions[0]", "kafka.strimzi.io/v1", "global.apiVersions[1]", "monitoring.coreos.com/v1"),
    /** values-ministry.yaml. */
    MINISTRY("values-ministry.yaml"),
    /**
     * An evaluation (README section 6: the dev profile, bundled PostgreSQL and Keycloak, Strimzi Kafka), with the two
     * generated passwords taken from existing Secrets: helm-java's template cannot answer the chart's {@code lookup}
     * of a previous password.
     */
    EVALUATION(null, "global.profile", "dev", "global.postgresql.existingSecret", "eval-db", "keycloak.admin.existingSecret", "eval-keycloak-admin",
            "keycloak.realm.json", "{\"realm\":\"nq57\"}", "global.apiVersions[0]", "kafka.strimzi.io/v1");

    final String valuesFile;
    final String[] sets;

    Scenario(String valuesFile, String... sets) {
        this.valuesFile = valuesFile;
        this.sets = sets;
    }

    Charts.Rendered render() {
        return Charts.renderUmbrella(valuesFile, sets);
    }

    /** With the hook resources (migration Jobs, topic Job, helm test Pod). */
    Charts.Rendered renderWithHooks(String... extraSets) {
        String[] all = new String[sets.length + extraSets.length];
        System.arraycopy(sets, 0, all, 0, sets.length);
        System.arraycopy(extraSets, 0, all, sets.length, extraSets.length);
        return Charts.renderWithHooks(valuesFile, all);
    }

    Charts.Rendered render(String... extraSets) {
        String[] all = new String[sets.length + extraSets.length];
        System.arraycopy(sets, 0, all, 0, sets.length);
        System.arraycopy(extraSets, 0, all, sets.length, extraSets.length);
        return Charts.renderUmbrella(valuesFile, all);
    }

    List<String> services() {
        return Charts.SERVICES;
    }
}

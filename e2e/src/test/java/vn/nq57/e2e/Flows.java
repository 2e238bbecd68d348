package vn.nq57.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies the end-to-end tests send. */
final class Flows {

    private Flows() {
    }

    static String code(String system) {
        return system + "-E" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    static Map<String, Object> initiative(String code, String lead) {
        return Map.of("code", code, "system", code.substring(0, 2), "phase", "P2",
                "titleVi", "Sáng kiến thử nghiệm đầu cuối " + code,
                "contentOrientation", "Kiểm thử tích hợp các dịch vụ " + code,
                "deadline", "2030-12-31", "leadAgency", lead, "key", true,
                "evaluationCriteria", List.of("Hoàn thành đúng hạn"),
                "outputs", List.of(Map.of("description", "Báo cáo", "dueDate", "2029-06-30")));
    }
}

package vn.nq57.portal.web;

import io.quarkus.qute.TemplateExtension;
import vn.nq57.portal.api.Views.PlanScore;
import vn.nq57.portal.api.Views.SystemScore;

/** Figures the pages derive from the services' answers. */
@TemplateExtension
public class Extensions {

    static int overdueOutputs(PlanScore plan) {
        return plan.systems().stream().mapToInt(SystemScore::overdueOutputs).sum();
    }

    static int openObstacles(PlanScore plan) {
        return plan.systems().stream().mapToInt(SystemScore::openObstacles).sum();
    }
}

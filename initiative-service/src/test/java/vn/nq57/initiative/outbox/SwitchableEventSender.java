package vn.nq57.initiative.outbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import vn.nq57.platform.outbox.KafkaEventSender;

/** The real sender (in-memory connector in tests) with a switch that makes the broker fail, as an outage would. */
@Alternative
@Priority(1)
@ApplicationScoped
public class SwitchableEventSender extends KafkaEventSender {

    private volatile boolean brokerDown;

    public void brokerDown(boolean down) {
        this.brokerDown = down;
    }

    @Override
    public CompletionStage<Void> send(String topic, String key, String payload) {
        if (brokerDown) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable (test outage)"));
        }
        return super.send(topic, key, payload);
    }
}

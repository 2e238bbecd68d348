package vn.nq57.platform.outbox;

import java.util.concurrent.CompletionStage;

/** Sends one stored event to the broker; the stage completes when the broker has acknowledged it. */
public interface EventSender {

    CompletionStage<Void> send(String topic, String key, String payload);
}

package io.modyn.examples.webhook;

import io.modyn.api.extension.StreamListener;
import io.modyn.api.streams.ChangeRecord;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Forwards every change of the configured tables to the webhook, one POST per change, in commit
 * order per item (the server calls a listener from one thread and waits for it, so a change is
 * posted only after the one before it was delivered or dead-lettered). The server keeps this
 * listener's position under its component name: after a restart it resumes where it was, and the
 * last changes may be posted again (at-least-once), so receivers should deduplicate by
 * {@code eventID}.
 *
 * <p>Inactive until its configuration names a URL and a dead-letter file.
 */
@Component(name = "io.modyn.examples.webhook", configurationPid = "io.modyn.examples.webhook",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = StreamListener.class)
@Designate(ocd = WebhookConfig.class)
public final class WebhookForwarder implements StreamListener {

    private static final Logger LOG = Logger.getLogger(WebhookForwarder.class.getName());

    private final Delivery delivery;
    private final DeadLetterFile deadLetters;

    @Activate
    public WebhookForwarder(WebhookConfig config) {
        URI url = URI.create(config.url());
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("the webhook URL must be http or https, not " + config.url());
        }
        this.delivery = new Delivery(url, config.maxAttempts(), config.firstRetryMillis(), Duration.ofMillis(config.timeoutMillis()));
        this.deadLetters = new DeadLetterFile(Path.of(config.deadLetterFile()));
        LOG.info("Forwarding table changes to " + url.getScheme() + "://" + url.getAuthority() + url.getPath());
    }

    @Override
    public void onChange(String tableName, ChangeRecord record) {
        JsonObject change = ChangeJson.of(tableName, record);
        try {
            Delivery.Outcome outcome = delivery.post(change.toString());
            if (outcome.delivered()) return;
            deadLetters.append(change, outcome);
            LOG.warning("Change " + record.eventID() + " of " + tableName + " not delivered after " + outcome.attempts()
                    + " attempts (" + outcome.lastProblem() + "): written to the dead-letter file");
        } catch (InterruptedException e) {
            // The bundle is stopping: the change is not acknowledged, so the server offers it again.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while delivering change " + record.eventID(), e);
        } catch (IOException e) {
            // Throwing leaves the change unacknowledged: the server offers it again rather than lose it.
            LOG.log(Level.SEVERE, "Could not write change " + record.eventID() + " to the dead-letter file", e);
            throw new IllegalStateException("dead-letter file not writable", e);
        }
    }
}

package org.rnnlab.api.report;

/**
 * A reporter factory whose meters can be read in the Prometheus text exposition format, version 0.0.4:
 * what {@code lab run NAME --serve} answers at {@code /metrics}. The command line finds it among the
 * {@link ReporterFactory reporter factories} by this type, so it needs no metrics library of its own.
 *
 * <p>{@link #scrape()} covers every meter this factory's reporters have registered in this process, may be
 * called from any thread while a run publishes events, and never returns null.
 */
public interface PrometheusText {

    /** The {@code Content-Type} of {@link #scrape()}'s text. */
    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The meters now, in the Prometheus text format (one {@code # HELP}, {@code # TYPE} and sample lines per meter). */
    String scrape();
}

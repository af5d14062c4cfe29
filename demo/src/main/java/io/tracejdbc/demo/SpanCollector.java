package io.tracejdbc.demo;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Keeps the spans the SDK exports, in memory, for the waterfall. */
final class SpanCollector implements SpanExporter {
  private final List<SpanData> finished = new ArrayList<>();

  @Override
  public synchronized CompletableResultCode export(Collection<SpanData> spans) {
    finished.addAll(spans);
    return CompletableResultCode.ofSuccess();
  }

  synchronized List<SpanData> finished() {
    return new ArrayList<>(finished);
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}

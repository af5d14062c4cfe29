package io.tracejdbc.spring;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.sampler.Sampler;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import org.junit.jupiter.api.Test;

/** sqlCommenter on Brave: the W3C traceparent of the span, though Brave propagates B3. */
class MicrometerPropagationTest {
  @Test
  void aSpansTraceparentHasItsIdsAndSampledFlag() {
    for (boolean traceId128 : new boolean[] {false, true}) {
      try (Tracing tracing =
          Tracing.newBuilder().traceId128Bit(traceId128).sampler(Sampler.ALWAYS_SAMPLE).build()) {
        MicrometerSpans spans = new MicrometerSpans(micrometer(tracing));
        MicrometerSpans.Call call = spans.startAcquisition("HikariDataSource.getConnection");
        TraceContext context = call.span().context();
        String traceId = String.format("%32s", context.traceId()).replace(' ', '0');

        assertThat(spans.propagation(call))
            .containsExactly(
                java.util.Map.entry(
                    "traceparent", "00-" + traceId + "-" + context.spanId() + "-01"));
        assertThat(spans.currentPropagation(call.span())).isEqualTo(spans.propagation(call));
        call.span().end();
      }
    }
  }

  @Test
  void noCurrentSpanNoTraceparent() {
    try (Tracing tracing = Tracing.newBuilder().build()) {
      assertThat(new MicrometerSpans(micrometer(tracing)).currentPropagation(null)).isEmpty();
    }
  }

  private static Tracer micrometer(Tracing tracing) {
    return new BraveTracer(
        tracing.tracer(),
        new BraveCurrentTraceContext(tracing.currentTraceContext()),
        new BraveBaggageManager());
  }
}

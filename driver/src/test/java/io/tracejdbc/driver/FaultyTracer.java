package io.tracejdbc.driver;

import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import io.opentracing.tag.Tag;
import java.util.Map;

/** A tracer over a real one that throws from one chosen entry point. */
final class FaultyTracer implements Tracer {
  /** Where it throws. */
  enum Fault {
    BUILD_SPAN,
    START,
    ACTIVE_SPAN,
    ACTIVATE_SPAN,
    SCOPE_CLOSE,
    SET_TAG,
    LOG,
    FINISH
  }

  private final Tracer tracer;
  private final Fault fault;

  FaultyTracer(Tracer tracer, Fault fault) {
    this.tracer = tracer;
    this.fault = fault;
  }

  private void maybeThrow(Fault at) {
    if (fault == at) {
      throw new IllegalStateException("tracer fault at " + at);
    }
  }

  @Override
  public ScopeManager scopeManager() {
    return tracer.scopeManager();
  }

  @Override
  public Span activeSpan() {
    maybeThrow(Fault.ACTIVE_SPAN);
    return tracer.activeSpan();
  }

  @Override
  public Scope activateSpan(Span span) {
    maybeThrow(Fault.ACTIVATE_SPAN);
    Scope scope = tracer.activateSpan(span);
    return () -> {
      scope.close();
      maybeThrow(Fault.SCOPE_CLOSE);
    };
  }

  @Override
  public SpanBuilder buildSpan(String operationName) {
    maybeThrow(Fault.BUILD_SPAN);
    return new Builder(tracer.buildSpan(operationName));
  }

  @Override
  public <C> void inject(SpanContext spanContext, Format<C> format, C carrier) {
    tracer.inject(spanContext, format, carrier);
  }

  @Override
  public <C> SpanContext extract(Format<C> format, C carrier) {
    return tracer.extract(format, carrier);
  }

  @Override
  public void close() {
    tracer.close();
  }

  private final class Builder implements SpanBuilder {
    private final SpanBuilder builder;

    Builder(SpanBuilder builder) {
      this.builder = builder;
    }

    @Override
    public SpanBuilder asChildOf(SpanContext parent) {
      builder.asChildOf(parent);
      return this;
    }

    @Override
    public SpanBuilder asChildOf(Span parent) {
      builder.asChildOf(parent);
      return this;
    }

    @Override
    public SpanBuilder addReference(String referenceType, SpanContext referencedContext) {
      builder.addReference(referenceType, referencedContext);
      return this;
    }

    @Override
    public SpanBuilder ignoreActiveSpan() {
      builder.ignoreActiveSpan();
      return this;
    }

    @Override
    public SpanBuilder withTag(String key, String value) {
      builder.withTag(key, value);
      return this;
    }

    @Override
    public SpanBuilder withTag(String key, boolean value) {
      builder.withTag(key, value);
      return this;
    }

    @Override
    public SpanBuilder withTag(String key, Number value) {
      builder.withTag(key, value);
      return this;
    }

    @Override
    public <T> SpanBuilder withTag(Tag<T> tag, T value) {
      builder.withTag(tag, value);
      return this;
    }

    @Override
    public SpanBuilder withStartTimestamp(long microseconds) {
      builder.withStartTimestamp(microseconds);
      return this;
    }

    @Override
    public Span start() {
      maybeThrow(Fault.START);
      return new FaultySpan(builder.start());
    }
  }

  private final class FaultySpan implements Span {
    private final Span span;

    FaultySpan(Span span) {
      this.span = span;
    }

    @Override
    public SpanContext context() {
      return span.context();
    }

    @Override
    public Span setTag(String key, String value) {
      maybeThrow(Fault.SET_TAG);
      span.setTag(key, value);
      return this;
    }

    @Override
    public Span setTag(String key, boolean value) {
      maybeThrow(Fault.SET_TAG);
      span.setTag(key, value);
      return this;
    }

    @Override
    public Span setTag(String key, Number value) {
      maybeThrow(Fault.SET_TAG);
      span.setTag(key, value);
      return this;
    }

    @Override
    public <T> Span setTag(Tag<T> tag, T value) {
      maybeThrow(Fault.SET_TAG);
      span.setTag(tag, value);
      return this;
    }

    @Override
    public Span log(Map<String, ?> fields) {
      maybeThrow(Fault.LOG);
      span.log(fields);
      return this;
    }

    @Override
    public Span log(long timestampMicroseconds, Map<String, ?> fields) {
      maybeThrow(Fault.LOG);
      span.log(timestampMicroseconds, fields);
      return this;
    }

    @Override
    public Span log(String event) {
      maybeThrow(Fault.LOG);
      span.log(event);
      return this;
    }

    @Override
    public Span log(long timestampMicroseconds, String event) {
      maybeThrow(Fault.LOG);
      span.log(timestampMicroseconds, event);
      return this;
    }

    @Override
    public Span setBaggageItem(String key, String value) {
      span.setBaggageItem(key, value);
      return this;
    }

    @Override
    public String getBaggageItem(String key) {
      return span.getBaggageItem(key);
    }

    @Override
    public Span setOperationName(String operationName) {
      span.setOperationName(operationName);
      return this;
    }

    @Override
    public void finish() {
      maybeThrow(Fault.FINISH);
      span.finish();
    }

    @Override
    public void finish(long finishMicros) {
      maybeThrow(Fault.FINISH);
      span.finish(finishMicros);
    }
  }
}

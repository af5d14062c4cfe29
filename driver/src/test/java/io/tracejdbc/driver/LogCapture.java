package io.tracejdbc.driver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

/** What tracejdbc logs through System.Logger, which reaches java.util.logging here. */
public final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger("io.tracejdbc.driver");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  public LogCapture() {
    setFormatter(new SimpleFormatter());
    logger.addHandler(this);
  }

  /** The messages logged at {@code level}, parameters filled in. */
  public List<String> at(Level level) {
    return records.stream()
        .filter(record -> record.getLevel().equals(level))
        .map(record -> getFormatter().formatMessage(record))
        .collect(Collectors.toList());
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}

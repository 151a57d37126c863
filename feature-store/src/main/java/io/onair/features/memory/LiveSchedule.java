package io.onair.features.memory;

import io.onair.features.LiveSession;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The live schedule in memory, indexed by end time like the Redis schedule: a query at {@code t}
 * reads only the sessions ending after {@code t} and keeps those already started.
 *
 * <p>Thread-safe: readers share a read lock; writers (went-live and schedule loads, rare) take the
 * write lock, so a session whose end moves is never seen twice or missing.
 */
final class LiveSchedule {
  private record SessionKey(String anchorId, long startEpochSecond) {}

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<SessionKey, Long> endBySession = new HashMap<>();
  private final NavigableMap<Long, Set<SessionKey>> sessionsByEnd = new TreeMap<>();

  void putAll(Collection<LiveSession> sessions) {
    lock.writeLock().lock();
    try {
      for (LiveSession session : sessions) {
        SessionKey key = new SessionKey(session.anchorId(), session.startEpochSecond());
        Long previousEnd = endBySession.put(key, session.endEpochSecond());
        if (previousEnd != null) {
          Set<SessionKey> sameEnd = sessionsByEnd.get(previousEnd);
          sameEnd.remove(key);
          if (sameEnd.isEmpty()) {
            sessionsByEnd.remove(previousEnd);
          }
        }
        sessionsByEnd.computeIfAbsent(session.endEpochSecond(), end -> new HashSet<>()).add(key);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  Set<String> liveAt(long epochSecond) {
    return startsAt(epochSecond).keySet();
  }

  /** Anchor id to the latest start among its sessions live at {@code epochSecond}. */
  Map<String, Long> startsAt(long epochSecond) {
    Map<String, Long> live = new HashMap<>();
    lock.readLock().lock();
    try {
      for (Set<SessionKey> endingLater : sessionsByEnd.tailMap(epochSecond, false).values()) {
        for (SessionKey session : endingLater) {
          if (session.startEpochSecond() <= epochSecond) {
            live.merge(session.anchorId(), session.startEpochSecond(), Math::max);
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return live;
  }

  void clear() {
    lock.writeLock().lock();
    try {
      endBySession.clear();
      sessionsByEnd.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }
}

package io.onair.features.redis;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.ScoredValueListOutput;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandKeyword;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.onair.features.FeatureStoreConfig;
import io.onair.features.HistoryKind;
import io.onair.features.ScoredId;
import io.onair.features.UserFeatures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The five commands that read one user, written to the connection as one batch: one write and one
 * flush (lettuce's {@code dispatch(Collection)}), so they travel together and are answered in one
 * round trip. In a cluster the user hash tag sends all five to the same node.
 *
 * <ol>
 *   <li>{@code GET <ns>:{u:<id>}:profile}
 *   <li>{@code ZREVRANGE <ns>:{u:<id>}:h:<kind> 0 <historyMaxLength - 1> WITHSCORES}, once per
 *       {@link HistoryKind}
 *   <li>{@code ZRANGEBYSCORE <ns>:{u:<id>}:exposed (<now - window> <now>}
 * </ol>
 *
 * <p>One instance per read; not shared between threads.
 */
final class UserRead {
  private final String userId;
  private final RedisKeys keys;
  private final FeatureJson json;
  private final AsyncCommand<String, String, String> profile;
  private final Map<HistoryKind, AsyncCommand<String, String, List<ScoredValue<String>>>>
      histories = new EnumMap<>(HistoryKind.class);
  private final AsyncCommand<String, String, List<String>> exposed;

  UserRead(
      String userId,
      long nowEpochSecond,
      FeatureStoreConfig config,
      RedisKeys keys,
      FeatureJson json,
      RedisCodec<String, String> codec) {
    this.userId = userId;
    this.keys = keys;
    this.json = json;
    profile =
        command(
            CommandType.GET,
            new ValueOutput<>(codec),
            new CommandArgs<>(codec).addKey(keys.profile(userId)));
    for (HistoryKind kind : HistoryKind.values()) {
      histories.put(
          kind,
          command(
              CommandType.ZREVRANGE,
              new ScoredValueListOutput<>(codec),
              new CommandArgs<>(codec)
                  .addKey(keys.history(userId, kind))
                  .add(0)
                  .add(config.historyMaxLength() - 1)
                  .add(CommandKeyword.WITHSCORES)));
    }
    exposed =
        command(
            CommandType.ZRANGEBYSCORE,
            new ValueListOutput<>(codec),
            new CommandArgs<>(codec)
                .addKey(keys.exposed(userId))
                // The window (now - window, now]: "(" makes the lower bound exclusive.
                .add("(" + (nowEpochSecond - config.exposureWindowSeconds()))
                .add(nowEpochSecond));
  }

  /** The commands, in the order they are written. */
  List<RedisCommand<String, String, ?>> commands() {
    List<RedisCommand<String, String, ?>> commands = new ArrayList<>(2 + histories.size());
    commands.add(profile);
    commands.addAll(histories.values());
    commands.add(exposed);
    return commands;
  }

  /** Completes when every reply is in; fails with the first failure. */
  CompletableFuture<UserFeatures> result() {
    return CompletableFuture.allOf(
            commands().stream()
                .map(command -> (CompletableFuture<?>) command)
                .toArray(CompletableFuture[]::new))
        .thenApply(ignored -> assemble());
  }

  private UserFeatures assemble() {
    String profileJson = profile.join();
    Map<String, String> profileFeatures =
        profileJson == null ? Map.of() : json.decodeProfile(profileJson, keys.profile(userId));
    Map<HistoryKind, List<ScoredId>> lists = new EnumMap<>(HistoryKind.class);
    histories.forEach(
        (kind, reply) -> {
          List<ScoredValue<String>> entries = reply.join();
          List<ScoredId> list = new ArrayList<>(entries.size());
          for (ScoredValue<String> entry : entries) {
            list.add(new ScoredId(entry.getValue(), entry.getScore()));
          }
          lists.put(kind, list);
        });
    return new UserFeatures(userId, profileFeatures, lists, new HashSet<>(exposed.join()));
  }

  private static <T> AsyncCommand<String, String, T> command(
      CommandType type, CommandOutput<String, String, T> output, CommandArgs<String, String> args) {
    return new AsyncCommand<>(new Command<>(type, output, args));
  }
}

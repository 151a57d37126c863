/**
 * The ranking service: {@code RankingService.Rank} over gRPC ({@code .grpc}), the request path
 * ({@code .rank}: validation, features, batched scoring), the mapping of online features to the
 * ranking encoder ({@code .features}), the hot-reloading model registry ({@code .model}), the
 * configuration ({@code .config}) and the benchmark ({@code .bench}). {@link
 * io.onair.ranking.serving.RankingRuntime} wires them.
 */
package io.onair.ranking.serving;

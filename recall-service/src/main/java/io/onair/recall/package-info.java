/**
 * Multi-route recall: the routes ({@code route}), their merge ({@code merge}), the engine that runs
 * them in parallel within time limits ({@code engine}), its configuration ({@code config}), the
 * gRPC edge ({@code grpc}), the offline evaluation ({@code eval}) and the latency benchmark ({@code
 * bench}). Protobuf types appear only in {@code grpc} and {@code bench} (a gRPC client).
 */
package io.onair.recall;

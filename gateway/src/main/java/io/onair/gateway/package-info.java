/**
 * The gateway: the one endpoint apps call. {@code .recommend} runs the Recommend pipeline
 * (validate, budget, recall, rank, fuse, filter, diversify, fallbacks), {@code .blend} applies the
 * scenario's score fusion and the diversity limits, {@code .explain} writes the readable reasons,
 * {@code .events} ingests impressions and behaviours into the feature store, {@code .config} holds
 * the validated configuration and {@code .grpc} is the wire edge ({@link
 * io.onair.gateway.grpc.GatewayServer}), the only place with protobuf types besides the clients.
 */
package io.onair.gateway;

package org.tuopin.server;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The address a call comes from, for slowing down failed sign-ins per address: a gRPC interceptor
 * (installed on the transport, outside Flight's own middleware) puts it in the call's context,
 * where the authenticator reads it.
 */
final class RemoteAddress implements ServerInterceptor {
  private static final Context.Key<String> ADDRESS = Context.key("tuopin-remote-address");

  /** The current call's host address, or "unknown" outside a call. */
  static String current() {
    String address = ADDRESS.get();
    return address == null ? "unknown" : address;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String host =
        remote instanceof InetSocketAddress inet && inet.getAddress() != null
            ? inet.getAddress().getHostAddress()
            : String.valueOf(remote);
    return Contexts.interceptCall(Context.current().withValue(ADDRESS, host), call, headers, next);
  }
}

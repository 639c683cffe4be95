package io.detsim.engine.grpc;

import io.detsim.cli.CommandExtension;

/** Puts {@code server} on detsim's command line when this module is on its class path. */
public final class ServerExtension implements CommandExtension {

  @Override
  public String parent() {
    return "";
  }

  @Override
  public Object command() {
    return new ServerCommand();
  }
}

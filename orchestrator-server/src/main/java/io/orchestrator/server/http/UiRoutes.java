package io.orchestrator.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard (DESIGN §13): {@code GET /} and its files under {@code /ui/}, all from the jar, so
 * it works with no internet. The graph and chart libraries come from their WebJars (pinned in the
 * build); only the files named here are served, so no path reaches anything else on the class path.
 * Public: the files hold no data, and the page asks for a credential when the API wants one. Files
 * are read once; thread-safe.
 */
final class UiRoutes {
  /** Content-Security-Policy: scripts, styles and connections to this origin only. */
  static final String POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " connect-src 'self' ws: wss:; frame-ancestors 'none'";

  private static final String OWN = "/io/orchestrator/server/ui/";
  private static final Map<String, String> APP =
      Map.of(
          "index.html", "text/html",
          "app.css", "text/css",
          "data.js", "text/javascript",
          "graph.js", "text/javascript",
          "panels.js", "text/javascript",
          "app.js", "text/javascript");

  private final Map<String, Asset> files;

  /** A file's bytes (never modified after reading) and media type. */
  private static final class Asset {
    private final byte[] bytes;
    private final String type;

    Asset(byte[] bytes, String type) {
      this.bytes = bytes;
      this.type = type;
    }
  }

  UiRoutes() {
    String cytoscape = webjar("cytoscape") + "dist/";
    String uplot = webjar("uplot") + "dist/";
    Map<String, Asset> all = new HashMap<>();
    APP.keySet().forEach(name -> all.put(name, own(name)));
    all.put("lib/cytoscape.min.js", read(cytoscape + "cytoscape.min.js", "text/javascript"));
    all.put("lib/uPlot.iife.min.js", read(uplot + "uPlot.iife.min.js", "text/javascript"));
    all.put("lib/uPlot.min.css", read(uplot + "uPlot.min.css", "text/css"));
    files = Map.copyOf(all);
  }

  List<Route> routes() {
    return List.of(
        Route.get("/", Access.PUBLIC, "The dashboard", ctx -> serve(ctx, "index.html")),
        Route.get(
            "/ui/{file}", Access.PUBLIC, "The dashboard's files", ctx -> serve(ctx, file(ctx))),
        Route.get(
            "/ui/lib/{file}",
            Access.PUBLIC,
            "The dashboard's libraries (from their WebJars)",
            ctx -> serve(ctx, "lib/" + file(ctx))));
  }

  private static String file(Context ctx) {
    return ctx.pathParam("file");
  }

  private void serve(Context ctx, String name) {
    Asset a = files.get(name);
    if (a == null) {
      Responses.error(ctx, 404, "no such file: " + ctx.path());
      return;
    }
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", name.startsWith("lib/") ? "max-age=86400" : "no-cache");
    ctx.contentType(a.type + "; charset=utf-8").result(a.bytes);
  }

  private static Asset own(String name) {
    return read(OWN + name, APP.get(name));
  }

  /** The resource directory of a WebJar, at the version the build put on the class path. */
  private static String webjar(String artifact) {
    Properties p = new Properties();
    String pom = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    try (InputStream in = UiRoutes.class.getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("the " + artifact + " WebJar is missing from the jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "/META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/";
  }

  private static Asset read(String resource, String type) {
    try (InputStream in = UiRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return new Asset(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

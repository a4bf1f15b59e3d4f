package dev.newssearch.core.es;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.rest_client.RestClientHttpClient;
import co.elastic.clients.util.BinaryData;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.client.utils.URIBuilder;
import org.apache.http.entity.AbstractHttpEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch client's HTTP layer for every request the project sends: blocking I/O on the
 * request's own thread (Apache HttpClient's classic, pooled client) instead of the low-level {@link
 * RestClient}'s I/O reactor.
 * <ul>
 *   <li>A search then wakes one thread when the answer arrives, not three (the reactor to send, the
 *       reactor to read, the waiting handler): about 2 ms per search on this machine
 *       (bench/hop-bench.sh, "blocking" against "raw" rows), where the API's whole hop is 10-15 ms.
 *   <li>A bulk request goes out as one body with its length, written straight from the client's buffers
 *       by the thread that built it, 64 KB per write; the reactor sent it in chunks of a few kilobytes,
 *       one wake-up each, and cost the indexer about 3 s of CPU per seeds x400 build (bench/RESULTS.md,
 *       eleventh pass).
 * </ul>
 *
 * <p>The {@link RestClient} stays the owner of the node list: {@code ES_URL}'s hosts, replaced by the
 * sniffer when {@code ES_SNIFF_S} is set. What it does on a failure this client does too: the nodes are
 * tried round-robin; a node that cannot be reached, or answers 502, 503 or 504, is marked dead for
 * {@link #DEAD_MILLIS} and the same request goes to the next node; with every node dead, the one dead
 * the longest is tried. Async calls go through the RestClient itself.
 */
public final class BlockingHttpClient implements TransportHttpClient, java.io.Closeable {
  private static final Logger log = LoggerFactory.getLogger(BlockingHttpClient.class);
  /**
   * The classic client reports each resend of a request whose pooled connection was closed on INFO through
   * commons-logging, which, with no bridge to our logging, prints two lines of java.util.logging to standard
   * error: kept to warnings, held here so the level stays set. {@link #failed} says when a node fails.
   */
  private static final java.util.logging.Logger RETRIES = quiet("org.apache.http.impl.execchain.RetryExec");
  /** How long a failed node is skipped (the low-level client's first back-off is one minute too). */
  static final long DEAD_MILLIS = 60_000;

  private final RestClient rest;
  private final RestClientHttpClient async;
  private final CloseableHttpClient http;
  private final String pathPrefix;
  private final List<Header> defaultHeaders;
  private final AtomicInteger next = new AtomicInteger();
  private final Map<HttpHost, Long> deadUntil = new ConcurrentHashMap<>();

  /**
   * @param rest           the client whose nodes to use (and which serves async calls); closed with this one
   * @param pathPrefix     prefix of every path ("" for none), as {@code ES_URL}'s path
   * @param defaultHeaders headers every request carries (credentials)
   * @param timeouts       connect, pool and socket timeouts
   * @param resendSent     whether a request already sent on a pooled connection that turned out closed is
   *                       sent once more on the same node: right for reads, wrong for a request that is not
   *                       idempotent (creating an index); unsent requests are always retried
   */
  public BlockingHttpClient(RestClient rest, String pathPrefix, List<Header> defaultHeaders, RequestConfig timeouts,
      boolean resendSent) {
    this.rest = rest;
    this.async = new RestClientHttpClient(rest);
    this.pathPrefix = pathPrefix == null ? "" : pathPrefix.replaceAll("/$", "");
    this.defaultHeaders = List.copyOf(defaultHeaders);
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(5, TimeUnit.MINUTES);
    // the low-level client's pool: 30 connections, 10 per node (the admission limits keep fewer in flight)
    pool.setMaxTotal(30);
    pool.setDefaultMaxPerRoute(10);
    // a connection idle this long is checked before reuse (a node restarted meanwhile closed it)
    pool.setValidateAfterInactivity(2_000);
    // one retry on the same node when a pooled connection turns out closed (a node restarted, a link cut); a
    // request already sent only when the caller says sending it twice does no harm; refused connections and
    // timeouts are not retried here but on the next node, below
    this.http = HttpClients.custom().setConnectionManager(pool).setDefaultRequestConfig(timeouts)
        .setRetryHandler(new DefaultHttpRequestRetryHandler(1, resendSent)).disableContentCompression()
        .disableCookieManagement().disableRedirectHandling().build();
  }

  @Override
  public TransportOptions createOptions(TransportOptions options) {
    return async.createOptions(options);
  }

  @Override
  public Response performRequest(String endpointId, TransportHttpClient.Node node, Request request,
      TransportOptions options) throws IOException {
    Iterable<ByteBuffer> body = request.body();
    IOException failure = null;
    List<HttpHost> hosts = order(node);
    for (int i = 0; i < hosts.size(); i++) {
      HttpHost host = hosts.get(i);
      boolean last = i == hosts.size() - 1;
      CloseableHttpResponse response;
      try {
        response = http.execute(host, build(host, request, options, body));
      } catch (IOException e) {
        failed(host, e.toString());
        failure = failure == null ? e : failure;
        if (failure != e) {
          failure.addSuppressed(e);
        }
        continue;
      }
      int status = response.getStatusLine().getStatusCode();
      if (!last && (status == 502 || status == 503 || status == 504)) {
        EntityUtils.consumeQuietly(response.getEntity());
        response.close();
        failed(host, "HTTP " + status);
        continue;
      }
      deadUntil.remove(host);
      return new BlockingResponse(host, response);
    }
    throw failure != null ? failure : new IOException("no Elasticsearch node to send the request to");
  }

  private static java.util.logging.Logger quiet(String name) {
    var logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private void failed(HttpHost host, String why) {
    deadUntil.put(host, System.currentTimeMillis() + DEAD_MILLIS);
    log.warn("Elasticsearch node {} failed ({}); trying the other configured nodes", host.toURI(), why);
  }

  /** The nodes to try, in order: the live ones round-robin, then the dead ones, longest dead first. */
  private List<HttpHost> order(TransportHttpClient.Node node) {
    if (node != null) {
      return List.of(HttpHost.create(node.uri().toString()));
    }
    List<HttpHost> all = rest.getNodes().stream().map(org.elasticsearch.client.Node::getHost).toList();
    long now = System.currentTimeMillis();
    List<HttpHost> live = new ArrayList<>();
    List<HttpHost> dead = new ArrayList<>();
    int start = Math.floorMod(next.getAndIncrement(), Math.max(1, all.size()));
    for (int i = 0; i < all.size(); i++) {
      HttpHost h = all.get((start + i) % all.size());
      (deadUntil.getOrDefault(h, 0L) <= now ? live : dead).add(h);
    }
    dead.sort(Comparator.comparingLong(h -> deadUntil.getOrDefault(h, 0L)));
    live.addAll(dead);
    return live;
  }

  private org.apache.http.client.methods.HttpUriRequest build(HttpHost host, Request request, TransportOptions options,
      Iterable<ByteBuffer> body) throws IOException {
    URI uri;
    try {
      URIBuilder b = new URIBuilder(host.toURI()).setPath(pathPrefix + request.path());
      options.queryParameters().forEach(b::addParameter);
      request.queryParams().forEach(b::addParameter);
      uri = b.build();
    } catch (URISyntaxException e) {
      throw new IOException("bad Elasticsearch path " + request.path(), e);
    }
    RequestBuilder r = RequestBuilder.create(request.method()).setUri(uri);
    defaultHeaders.forEach(r::addHeader);
    options.headers().forEach(h -> r.addHeader(h.getKey(), h.getValue()));
    request.headers().forEach(r::setHeader);
    if (body != null) {
      String type = request.headers().get("Content-Type");
      r.setEntity(new BuffersEntity(body, type == null ? ContentType.APPLICATION_JSON : ContentType.parse(type)));
    }
    return r.build();
  }

  /**
   * A request body as the client built it (a list of buffers, one per bulk line), written as it is with its
   * length: no copy into one array, no chunked encoding. Repeatable, so a retry sends it again.
   */
  private static final class BuffersEntity extends AbstractHttpEntity {
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private final long length;

    BuffersEntity(Iterable<ByteBuffer> body, ContentType type) {
      long n = 0;
      for (ByteBuffer b : body) {
        buffers.add(b.duplicate());
        n += b.remaining();
      }
      this.length = n;
      setContentType(type.toString());
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public long getContentLength() {
      return length;
    }

    @Override
    public InputStream getContent() {
      throw new UnsupportedOperationException("written with writeTo");
    }

    @Override
    public void writeTo(OutputStream socket) throws IOException {
      // one write per 64 KB, not per line: the connection sends without delay (TCP_NODELAY), so every write
      // of a bulk request's ~1 KB lines would be a packet of its own
      OutputStream out = new BufferedOutputStream(socket, 64 * 1024);
      byte[] copy = null;
      for (ByteBuffer b : buffers) {
        ByteBuffer d = b.duplicate();
        if (d.hasArray()) {
          out.write(d.array(), d.arrayOffset() + d.position(), d.remaining());
        } else {
          int n = d.remaining();
          copy = copy == null || copy.length < n ? new byte[n] : copy;
          d.get(copy, 0, n);
          out.write(copy, 0, n);
        }
      }
      out.flush();
    }

    @Override
    public boolean isStreaming() {
      return false;
    }
  }

  @Override
  public CompletableFuture<Response> performRequestAsync(String endpointId, TransportHttpClient.Node node,
      Request request, TransportOptions options) {
    return async.performRequestAsync(endpointId, node, request, options);
  }

  @Override
  public void close() throws IOException {
    try {
      http.close();
    } finally {
      async.close();
    }
  }

  /** The whole answer read on the calling thread, the connection back in the pool. */
  private static final class BlockingResponse implements Response {
    private final TransportHttpClient.Node node;
    private final CloseableHttpResponse response;
    private final int status;
    private final BinaryData body;

    BlockingResponse(HttpHost host, CloseableHttpResponse response) throws IOException {
      this.node = new TransportHttpClient.Node(host.toURI());
      this.response = response;
      this.status = response.getStatusLine().getStatusCode();
      try {
        var entity = response.getEntity();
        if (entity == null) {
          this.body = null;
        } else {
          byte[] bytes = EntityUtils.toByteArray(entity);
          String type = entity.getContentType() == null ? "application/json" : entity.getContentType().getValue();
          this.body = BinaryData.of(bytes, type);
        }
      } finally {
        response.close();
      }
    }

    @Override
    public TransportHttpClient.Node node() {
      return node;
    }

    @Override
    public int statusCode() {
      return status;
    }

    @Override
    public String header(String name) {
      Header h = response.getFirstHeader(name);
      return h == null ? null : h.getValue();
    }

    @Override
    public List<String> headers(String name) {
      return java.util.Arrays.stream(response.getHeaders(name)).map(Header::getValue).toList();
    }

    @Override
    public BinaryData body() {
      return body;
    }

    @Override
    public Object originalResponse() {
      return response;
    }

    @Override
    public void close() {
      // already read and released in the constructor
    }
  }
}

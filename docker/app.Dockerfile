# Runtime image for the indexer and the search API (both fat jars from `./mvnw -DskipTests package`).
# The JVM runs as the unprivileged user `app` (uid 1000, gid 0, as Elasticsearch's image does), so the
# indexer can write learned names into the shared analysis-ik volume that Elasticsearch reads.
FROM eclipse-temurin:17-jre
# (Ubuntu-based images since 24.04 ship a user `ubuntu` with uid 1000)
RUN (userdel --remove ubuntu 2>/dev/null || true) \
    && useradd --uid 1000 --gid 0 --no-create-home --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --chown=root:root indexer/target/indexer-all.jar search-api/target/search-api-all.jar /app/
# the API starts with its launcher's JVM flags, as ./run starts it
COPY --chown=root:root search-api/bin/search-api /app/bin/search-api
ENV SEARCH_API_JAR=/app/search-api-all.jar
USER 1000:0
EXPOSE 8080
CMD ["/app/bin/search-api"]

# Runtime image for the indexer and the search API (both fat jars from `./mvnw -DskipTests package`).
# The JVM runs as the unprivileged user `app` (uid 1000, gid 0, as Elasticsearch's image does), so the
# indexer can write learned names into the shared analysis-ik volume that Elasticsearch reads.
FROM eclipse-temurin:17-jre
# (Ubuntu-based images since 24.04 ship a user `ubuntu` with uid 1000)
RUN (userdel --remove ubuntu 2>/dev/null || true) \
    && useradd --uid 1000 --gid 0 --no-create-home --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --chown=root:root indexer/target/indexer-all.jar search-api/target/search-api-all.jar /app/
USER 1000:0
EXPOSE 8080
CMD ["java", "-jar", "/app/search-api-all.jar"]

# Runtime image for the indexer and the search API (both fat jars from `./mvnw -DskipTests package`).
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY indexer/target/indexer-all.jar search-api/target/search-api-all.jar /app/
EXPOSE 8080
CMD ["java", "-jar", "/app/search-api-all.jar"]

package dev.newssearch.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** Javalin 7 ships a Jackson 3 mapper; the project's records carry Jackson 2 annotations. */
public final class Jackson2Mapper implements JsonMapper {
  private final ObjectMapper mapper;

  public Jackson2Mapper(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String toJsonString(Object obj, Type type) {
    try {
      return mapper.writeValueAsString(obj);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + type, e);
    }
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    try {
      return mapper.readValue(json, mapper.constructType(type));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad JSON", e);
    }
  }
}

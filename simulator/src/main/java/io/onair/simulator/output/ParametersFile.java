package io.onair.simulator.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onair.simulator.SimulationConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes truth/parameters.json: the effective configuration (every record component, in declaration
 * order, so that nothing can be forgotten), the seed, derived facts (promotion days, the time span)
 * and the row count of each file. It holds no timings, so it is as deterministic as the data.
 */
public final class ParametersFile {
  public static final String FILE_NAME = "parameters.json";
  public static final String FORMAT = "onair-simulator-parameters/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ParametersFile() {}

  /**
   * @param derived facts computed from the configuration, in the order given
   * @param rows rows per file name, in the order given
   */
  public static void write(
      Path file, SimulationConfig config, Map<String, Object> derived, Map<String, Long> rows) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("generator", "onair-simulator");
    root.put("preset", config.preset());
    root.put("seed", config.seed());
    root.set("config", toJson(config));
    ObjectNode derivedNode = root.putObject("derived");
    derived.forEach((key, value) -> derivedNode.set(key, JSON.valueToTree(value)));
    ObjectNode rowsNode = root.putObject("rows");
    rows.forEach(rowsNode::put);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static ObjectNode toJson(Record record) {
    ObjectNode node = JSON.createObjectNode();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      put(node, component.getName(), value);
    }
    return node;
  }

  private static void put(ObjectNode node, String name, Object value) {
    if (value instanceof Record r) {
      node.set(name, toJson(r));
    } else if (value instanceof List<?> list) {
      ArrayNode array = node.putArray(name);
      for (Object element : list) {
        if (element instanceof Record r) {
          array.add(toJson(r));
        } else {
          array.add(JSON.valueToTree(element));
        }
      }
    } else {
      node.set(name, JSON.valueToTree(value));
    }
  }
}

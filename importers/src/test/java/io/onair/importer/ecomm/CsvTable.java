package io.onair.importer.ecomm;

import io.onair.dataset.csv.CsvReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small CSV file of a written dataset, read whole through the dataset module's reader. */
record CsvTable(List<String> header, List<Map<String, String>> rows) {
  static CsvTable read(Path file) {
    try (CsvReader reader = CsvReader.open(file)) {
      List<String> header = List.copyOf(reader.next()); // next() reuses its list
      List<Map<String, String>> rows = new ArrayList<>();
      List<String> cells;
      while ((cells = reader.next()) != null) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), cells.get(i));
        }
        rows.add(row);
      }
      return new CsvTable(header, List.copyOf(rows));
    }
  }

  /** One column, top to bottom. */
  List<String> column(String name) {
    return rows.stream().map(row -> row.get(name)).toList();
  }
}

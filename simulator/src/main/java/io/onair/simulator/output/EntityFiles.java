package io.onair.simulator.output;

import io.onair.dataset.csv.CsvWriter;
import io.onair.simulator.world.Anchors;
import io.onair.simulator.world.Catalogue;
import io.onair.simulator.world.EntityIds;
import io.onair.simulator.world.Items;
import io.onair.simulator.world.Users;

/**
 * Writes the entity files in id order, with the columns {@link SimulatorManifest} declares: users
 * (age_band, gender, city_tier), anchors (category, fans_level), items (category, price, is_brand),
 * anchor_items.
 */
public final class EntityFiles {
  private EntityFiles() {}

  public static void writeUsers(CsvWriter out, Users users, EntityIds ids) {
    for (int u = 0; u < users.count(); u++) {
      out.cell(ids.user(u));
      out.cell(users.ageBand(u));
      out.cell(users.gender(u));
      out.cell(users.cityTier(u));
      out.endRow();
    }
  }

  public static void writeAnchors(CsvWriter out, Anchors anchors, EntityIds ids) {
    for (int a = 0; a < anchors.count(); a++) {
      out.cell(ids.anchor(a));
      out.cell(ids.category(anchors.category(a)));
      out.cell(anchors.fansLevel(a));
      out.endRow();
    }
  }

  public static void writeItems(CsvWriter out, Items items, EntityIds ids) {
    for (int i = 0; i < items.count(); i++) {
      out.cell(ids.item(i));
      out.cell(ids.category(items.category(i)));
      out.cell(items.price(i), 2);
      out.cell(items.isBrand(i) ? 1 : 0);
      out.endRow();
    }
  }

  public static void writeAnchorItems(CsvWriter out, Catalogue catalogue, EntityIds ids) {
    for (int a = 0; a < catalogue.anchors(); a++) {
      String anchor = ids.anchor(a);
      for (int k = 0; k < catalogue.size(a); k++) {
        out.cell(anchor);
        out.cell(ids.item(catalogue.item(a, k)));
        out.endRow();
      }
    }
  }
}

package io.onair.ranking.graph;

import java.util.Arrays;
import java.util.List;

/** The ranking models, by their command-line names (contracts.md section 3). */
public enum ModelKind {
  /** One independent network (own embeddings, bottom and tower) per target. */
  SINGLE_TASK("single-task"),
  /** Hard sharing: one bottom MLP, one tower per target. */
  SHARED_BOTTOM("shared-bottom"),
  /** Soft sharing: expert MLPs mixed by one softmax gate per target. */
  MMOE("mmoe"),
  /** Shared bottom; a target's probability is its tower's times its parents' (ESMM's pCTCVR). */
  ESMM("esmm"),
  /** DBMTL 1.0: shared bottom + Bayesian layer (parents' tower outputs feed the child). */
  DBMTL("dbmtl"),
  /** DBMTL 2.0: MMoE + Bayesian layer. */
  DBMTL_MMOE("dbmtl-mmoe"),
  /** DBMTL 3.0: experts shared across scenarios, one DBMTL head per scenario. */
  DBMTL_MULTISCENARIO("dbmtl-multiscenario");

  private final String wireName;

  ModelKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The DBMTL models: those with the Bayesian head over the target graph. */
  public boolean bayesian() {
    return this == DBMTL || this == DBMTL_MMOE || this == DBMTL_MULTISCENARIO;
  }

  /** All command-line names, in declaration order. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(ModelKind::wireName).toList();
  }

  /**
   * Parses a command-line name.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static ModelKind parse(String name) {
    for (ModelKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown model '" + name + "' (known: " + wireNames() + ")");
  }
}

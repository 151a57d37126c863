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
  DBMTL_MULTISCENARIO("dbmtl-multiscenario"),
  /**
   * DMR 1.0: beside the rank tower ({@link ModelConfig#rankTower}, DBMTL by default), a match tower
   * of learned user and anchor vectors whose dot product adds one logit per target.
   */
  DMR("dmr"),
  /**
   * DMR 2.0: as {@link #DMR}, with the pretrained per-modality user vectors and anchor vectors
   * (frozen tables baked into the graph): their dot products pooled with the learned one, and the
   * vectors as rank-tower features.
   */
  DMR_PRETRAINED("dmr-pretrained"),
  /**
   * RUI 1.0: the refer room joins the user side of the match tower; refer x anchor cross features
   * join the rank tower.
   */
  RUI_V1("rui-v1"),
  /** RUI 2.0: as 1.0, but the match tower scores refer . anchor (user . anchor without a refer). */
  RUI_V2("rui-v2"),
  /**
   * RUI 3.0: three dot-product towers fused as {@code sigmoid(u2r) * r2i + u2i} (the refer term
   * only on rows with a refer room), plus 1.0's rank-tower cross features.
   */
  RUI_V3("rui-v3");

  private final String wireName;

  ModelKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * The DBMTL models: those with the Bayesian head over the target graph. A match-tower model is
   * Bayesian when its rank tower is ({@link ModelConfig#rankArchitecture}).
   */
  public boolean bayesian() {
    return this == DBMTL || this == DBMTL_MMOE || this == DBMTL_MULTISCENARIO;
  }

  /** The models with a match tower beside a configurable rank tower (DMR and RUI). */
  public boolean matchTower() {
    return this == DMR || this == DMR_PRETRAINED || refer();
  }

  /** The RUI models: the refer room enters the match tower and refer x anchor cross features. */
  public boolean refer() {
    return this == RUI_V1 || this == RUI_V2 || this == RUI_V3;
  }

  /** Whether the model needs the pretrained vectors ({@code onair pretrain}) to be built. */
  public boolean pretrained() {
    return this == DMR_PRETRAINED;
  }

  /** Whether this model can be the rank tower of a match-tower model. */
  public boolean rankTowerCandidate() {
    return this == SHARED_BOTTOM
        || this == MMOE
        || this == ESMM
        || this == DBMTL
        || this == DBMTL_MMOE;
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

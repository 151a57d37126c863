package io.onair.gateway.blend;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.gateway.config.DiversityConfig;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DiversityTest {
  record Item(String id, String category) {}

  private static final Function<Item, String> CATEGORY = Item::category;

  @Test
  void atMostNPerCategoryInTheTopAndSkippedItemsAreDemoted() {
    List<Item> ranked =
        List.of(
            new Item("a", "x"),
            new Item("b", "x"),
            new Item("c", "x"),
            new Item("d", "y"),
            new Item("e", "x"),
            new Item("f", "z"));
    Diversity.Selection<Item> s =
        new Diversity(new DiversityConfig(2, 4)).select(ranked, CATEGORY, 6);
    assertThat(s.items()).extracting(Item::id).containsExactly("a", "b", "d", "f", "c", "e");
    assertThat(s.demoted()).extracting(Item::id).containsExactlyInAnyOrder("c", "e");
    assertThat(s.relaxed()).isFalse();
  }

  @Test
  void relaxedWhenTheTopCannotBeFilledWithinTheLimit() {
    List<Item> ranked = List.of(new Item("a", "x"), new Item("b", "x"), new Item("c", "x"));
    Diversity.Selection<Item> s =
        new Diversity(new DiversityConfig(1, 3)).select(ranked, CATEGORY, 3);
    assertThat(s.items()).extracting(Item::id).containsExactly("a", "b", "c");
    assertThat(s.relaxed()).isTrue();
  }

  @Test
  void randomizedContractTheLimitHoldsUnlessRelaxedAndNothingIsLostOrDuplicated() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int n = random.nextInt(40);
      List<Item> ranked =
          java.util.stream.IntStream.range(0, n)
              .mapToObj(i -> new Item("i" + i, "c" + random.nextInt(1 + random.nextInt(5))))
              .toList();
      int max = 1 + random.nextInt(3);
      int top = random.nextInt(12);
      int count = random.nextInt(45);
      Diversity.Selection<Item> s =
          new Diversity(new DiversityConfig(max, top)).select(ranked, CATEGORY, count);
      assertThat(s.items()).hasSize(Math.min(count, n)).doesNotHaveDuplicates();
      assertThat(ranked).containsAll(s.items());
      if (!s.relaxed()) {
        java.util.Map<String, Long> perCategory =
            s.items().stream()
                .limit(top)
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        Item::category, java.util.stream.Collectors.counting()));
        assertThat(perCategory.values()).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(max));
      }
    }
  }
}

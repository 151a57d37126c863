package io.onair.importer.ecomm;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What an EComm import wrote: the row count of each file and how often the mapping had to fill in
 * something the source lacks. Immutable.
 *
 * @param firstDay the first day of the behaviour log
 * @param lastDay the last day of the behaviour log
 * @param users rows of users.csv
 * @param usersWithoutFeatures users found only in the behaviour log (written with empty features)
 * @param usersWithoutEvents users of the feature file with no event
 * @param anchors rows of anchors.csv: one room per leaf category
 * @param items rows of items.csv
 * @param anchorItems rows of anchor_items.csv (one per item)
 * @param itemEvents rows of item_events.csv (one per source event)
 * @param follows rows of follows.csv (first collect per user and room)
 * @param userDays (user, day) pairs with at least one event
 * @param requests generated requests: one per room a user touched on a day
 * @param impressions rows of impressions.csv
 * @param clickLabels impressions with click = 1 (one per request)
 * @param followLabels impressions with follow = 1
 * @param cartLabels impressions with cart = 1
 * @param purchaseLabels impressions with purchase = 1
 * @param impliedClicks clicked rooms with no item click that day (only a collect, cart or buy)
 * @param impliedCarts purchases with no cart in the room that day (cart set to 1 from the buy)
 * @param repeatFollowLabels follow = 1 in a room the user had already followed on an earlier day
 * @param shortRequests requests with fewer negatives than configured (too few rooms left)
 */
public record EcommImportSummary(
    LocalDate firstDay,
    LocalDate lastDay,
    long users,
    long usersWithoutFeatures,
    long usersWithoutEvents,
    long anchors,
    long items,
    long anchorItems,
    long itemEvents,
    long follows,
    long userDays,
    long requests,
    long impressions,
    long clickLabels,
    long followLabels,
    long cartLabels,
    long purchaseLabels,
    long impliedClicks,
    long impliedCarts,
    long repeatFollowLabels,
    long shortRequests) {
  public EcommImportSummary {
    requireNonNull(firstDay, "firstDay is null");
    requireNonNull(lastDay, "lastDay is null");
  }

  /** Impressions with click = 0. */
  public long negativeImpressions() {
    return impressions - clickLabels;
  }
}

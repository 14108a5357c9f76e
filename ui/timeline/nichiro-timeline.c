/* nichiro-timeline.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nichiro-entry-row.h"
#include "nichiro-timeline.h"
#include "nichiro-timeline-layout.h"

/* The timeline: the period as a horizontal axis, the dataset's eras as
 * bands behind, entries in lanes, and a date cursor that lists what was in
 * force that day.
 *
 * NichiroTimeline is the composite (nichiro-timeline.ui): a stack with the
 * drawn canvas (and the in-force card over it) and, one key away (Ctrl+L),
 * a list of the same entries in date order for screen readers and for
 * anyone who prefers a list. NichiroTimelineCanvas, below, draws and takes
 * the pointer and the keys. Both observe the NichiroSession (visible range,
 * selection, query, cursor) and write to it; neither reaches into any other
 * view. The lanes, clusters, ticks and hit-testing are computed without GTK
 * in app/nichiro-timeline-layout.c; the canvas keeps the last few layouts,
 * one per zoom level, so a pan never lays out and a zoom only when it
 * crosses a level.
 *
 * Right to left: the canvas mirrors. In a right-to-left locale time runs
 * from right to left, as text and GTK's own scales and progress bars do
 * there, labels follow their markers leftwards, and Left moves forward in
 * time. Everything is computed in "logical" coordinates, where time grows
 * to the right; the drawing helpers mirror each box as they draw it (text
 * keeps reading its own way), and pointer positions are mirrored on the
 * way in. */

#define ERA_ROWS 2
#define MIN_SPAN_DAYS 10.0
#define LAYOUT_CACHE_SIZE 6
/* Up to this many entries, every zoom level is laid out as it is reached. */
#define SYNC_LAYOUT_ITEMS 5000
#define TEXT_CACHE_SIZE 2048
#define ZOOM_STEP 1.6
#define WHEEL_PAN_PIXELS 48.0
#define LABEL_MIN_GAP 10.0
#define CURSOR_GRAB_DISTANCE 6.0
#define CLUSTER_POPOVER_MAX 200

typedef enum
{
  /* The same order as NichiroTimelineGroup. */
  PART_INSTRUMENT,
  PART_CONFLICT,
  PART_MEETING,
  PART_INCIDENT,
  PART_EVENT,
  PART_ERA_WAR,
  PART_ERA_REVOLUTION,
  PART_ERA_INTERVENTION,
  PART_ERA_OCCUPATION,
  PART_ERA_PERIOD,
  PART_ERA_LABEL,
  PART_AXIS,
  PART_AXIS_CONTEXT,
  PART_GRID,
  PART_SELECTED,
  PART_SELECTED_TEXT,
  PART_MATCH,
  PART_HOVER,
  PART_CLUSTER,
  PART_CURSOR,
  PART_FOCUS,
  N_PARTS
} Part;

/* The nodes the canvas takes its colours and fonts from; style.css sets
 * them from libadwaita's named colours. */
static const struct
{
  const char *css_name;
  const char *css_class;
} part_nodes[N_PARTS] = {
  [PART_INSTRUMENT] = { "instrument", NULL },
  [PART_CONFLICT] = { "conflict", NULL },
  [PART_MEETING] = { "meeting", NULL },
  [PART_INCIDENT] = { "incident", NULL },
  [PART_EVENT] = { "event", NULL },
  [PART_ERA_WAR] = { "era", "war" },
  [PART_ERA_REVOLUTION] = { "era", "revolution" },
  [PART_ERA_INTERVENTION] = { "era", "intervention" },
  [PART_ERA_OCCUPATION] = { "era", "occupation" },
  [PART_ERA_PERIOD] = { "era", "period" },
  [PART_ERA_LABEL] = { "era-label", NULL },
  [PART_AXIS] = { "axis", NULL },
  [PART_AXIS_CONTEXT] = { "axis-context", NULL },
  [PART_GRID] = { "grid", NULL },
  [PART_SELECTED] = { "selected", NULL },
  [PART_SELECTED_TEXT] = { "selected-text", NULL },
  [PART_MATCH] = { "match", NULL },
  [PART_HOVER] = { "hover", NULL },
  [PART_CLUSTER] = { "cluster", NULL },
  [PART_CURSOR] = { "cursor", NULL },
  [PART_FOCUS] = { "focus-ring", NULL },
};

/* NichiroTimelinePart: a node that is never shown, only styled. */

#define NICHIRO_TYPE_TIMELINE_PART (nichiro_timeline_part_get_type ())

G_DECLARE_FINAL_TYPE (NichiroTimelinePart, nichiro_timeline_part, NICHIRO, TIMELINE_PART, GtkWidget)

struct _NichiroTimelinePart
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (NichiroTimelinePart, nichiro_timeline_part, GTK_TYPE_WIDGET)

static void
nichiro_timeline_part_class_init (NichiroTimelinePartClass *klass)
{
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_NONE);
}

static void
nichiro_timeline_part_init (NichiroTimelinePart *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

/* NichiroTimelineCanvas */

#define NICHIRO_TYPE_TIMELINE_CANVAS (nichiro_timeline_canvas_get_type ())

G_DECLARE_FINAL_TYPE (NichiroTimelineCanvas, nichiro_timeline_canvas, NICHIRO, TIMELINE_CANVAS, GtkWidget)

struct _NichiroTimelineCanvas
{
  GtkWidget parent_instance;

  NichiroSession *session;
  NichiroTimelineModel *model;
  GPtrArray *layouts;             /* NichiroTimelineLayout, most recent first */
  NichiroTimelineMetrics metrics;

  GtkWidget *parts[N_PARTS];
  GdkRGBA colors[N_PARTS];
  GdkRGBA foreground;

  /* Text: labels are measured a character at a time (exact enough, and
   * fast for 100,000 titles) and laid out by Pango only when drawn. */
  char *font_key;
  gboolean fonts_may_have_changed;
  double char_widths[128];
  GHashTable *wide_char_widths;   /* gunichar → width × 1024 */
  PangoLayout *measure_layout;
  GHashTable *item_layouts;       /* item position + 1 → PangoLayout */
  GHashTable *text_layouts[N_PARTS];
  GPtrArray *era_layouts;
  double text_height;
  double small_height;
  double lane_height;
  double era_row_height;
  double header_height;
  double axis_height;
  guint n_lanes;

  /* What is shown */
  int selected;                   /* the selection's position, or -1 */
  guint8 *matches;                /* per position, while searching */
  int hover_item;
  int hover_cluster;
  int focus_cluster;
  double focus_cluster_scale;
  int focus_cluster_pinned;
  guint relayout_id;

  /* Gestures */
  double pointer_x;
  gboolean has_pointer;
  double drag_start;
  double drag_end;
  double drag_x;
  gboolean drag_cursor;
  gboolean panning;
  double zoom_start;
  double zoom_end;
  double zoom_anchor_x;

  AdwAnimation *animation;
  double from_start;
  double from_end;
  double to_start;
  double to_end;

  GtkWidget *cluster_popover;
  GtkListBox *cluster_list;

  /* While drawing right to left: the width to mirror in, else 0. */
  double mirror_width;

  /* Set while a click selects: what was clicked is in view already. */
  gboolean selecting_by_pointer;
};

G_DEFINE_FINAL_TYPE (NichiroTimelineCanvas, nichiro_timeline_canvas, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint canvas_signals[N_SIGNALS];

/* NichiroTimeline */

struct _NichiroTimeline
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GListStore *list_store;
  GtkSingleSelection *list_selection;
  gboolean show_list;

  /* Template widgets */
  GtkStack *stack;
  NichiroTimelineCanvas *canvas;
  GtkRevealer *in_force_revealer;
  GtkLabel *in_force_label;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (NichiroTimeline, nichiro_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SHOW_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TIMELINE_ENTRY_ACTIVATED,
  N_TIMELINE_SIGNALS
};

static guint timeline_signals[N_TIMELINE_SIGNALS];

static void canvas_set_session (NichiroTimelineCanvas *self,
                                NichiroSession        *session);

/* Helpers: colours and text */

static void
read_colors (NichiroTimelineCanvas *self)
{
  for (guint i = 0; i < N_PARTS; i++)
    {
#if GTK_CHECK_VERSION (4, 10, 0)
      gtk_widget_get_color (self->parts[i], &self->colors[i]);
#else
      gtk_style_context_get_color (gtk_widget_get_style_context (self->parts[i]), &self->colors[i]);
#endif
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), &self->foreground);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &self->foreground);
#endif
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static PangoLayout *
text_layout (NichiroTimelineCanvas *self,
             Part                   part,
             const char            *text)
{
  PangoLayout *layout;

  if (self->text_layouts[part] == NULL)
    self->text_layouts[part] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  layout = g_hash_table_lookup (self->text_layouts[part], text);
  if (layout != NULL)
    return layout;

  /* Date labels of a dragged cursor are many and brief. */
  if (g_hash_table_size (self->text_layouts[part]) > TEXT_CACHE_SIZE)
    g_hash_table_remove_all (self->text_layouts[part]);

  layout = gtk_widget_create_pango_layout (self->parts[part], text);
  g_hash_table_insert (self->text_layouts[part], g_strdup (text), layout);
  return layout;
}

static double
text_width (NichiroTimelineCanvas *self,
            Part                   part,
            const char            *text)
{
  int width;

  pango_layout_get_pixel_size (text_layout (self, part, text), &width, NULL);
  return width;
}

static double
axis_measure_cb (const char *text,
                 gpointer    user_data)
{
  return text_width (user_data, PART_AXIS, text);
}

static double
era_measure_cb (const char *text,
                gpointer    user_data)
{
  return text_width (user_data, PART_ERA_LABEL, text);
}

static double
char_width (NichiroTimelineCanvas *self,
            gunichar               c)
{
  char buffer[8];
  int length;
  PangoRectangle logical;
  double width;

  if (c < 128 && self->char_widths[c] >= 0)
    return self->char_widths[c];

  if (c >= 128)
    {
      gpointer found = g_hash_table_lookup (self->wide_char_widths, GUINT_TO_POINTER (c));

      if (found != NULL)
        return (GPOINTER_TO_UINT (found) - 1) / 1024.0;
    }

  length = g_unichar_to_utf8 (c, buffer);
  pango_layout_set_text (self->measure_layout, buffer, length);
  pango_layout_get_extents (self->measure_layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;

  if (c < 128)
    self->char_widths[c] = width;
  else
    g_hash_table_insert (self->wide_char_widths, GUINT_TO_POINTER (c),
                         GUINT_TO_POINTER ((guint) (width * 1024) + 1));
  return width;
}

/* Sums advances without kerning, which only ever narrows Latin text; the
 * drawn label is ellipsized to this width all the same. */
static double
label_measure_cb (const char *text,
                  gpointer    user_data)
{
  NichiroTimelineCanvas *self = user_data;
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (self, g_utf8_get_char (p));

  return ceil (width) + 1;
}

static double
pixel_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
clear_text (NichiroTimelineCanvas *self)
{
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->text_layouts[i], g_hash_table_unref);
  g_hash_table_remove_all (self->item_layouts);
  g_hash_table_remove_all (self->wide_char_widths);
  g_ptr_array_set_size (self->era_layouts, 0);
  g_clear_object (&self->measure_layout);
  for (guint i = 0; i < G_N_ELEMENTS (self->char_widths); i++)
    self->char_widths[i] = -1;
  g_ptr_array_set_size (self->layouts, 0);
}

/* What the labels were measured in: the font and the resolution (the text
 * scaling factor). */
static char *
dup_font_key (NichiroTimelineCanvas *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoContext *small = gtk_widget_get_pango_context (self->parts[PART_AXIS]);
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  g_autofree char *small_font = pango_font_description_to_string (pango_context_get_font_description (small));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  return g_strdup_printf ("%s|%s|%g|%lu", font, small_font, pango_cairo_context_get_resolution (context),
                          options ? cairo_font_options_hash (options) : 0);
}

/* Measures everything again when the fonts changed, and only then. */
static void
ensure_text (NichiroTimelineCanvas *self)
{
  g_autofree char *key = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  double digit_width = 0;

  /* Asked every frame; the fonts are compared only after a style change. */
  if (self->measure_layout != NULL && !self->fonts_may_have_changed)
    return;

  key = dup_font_key (self);

  if (self->measure_layout != NULL && g_strcmp0 (key, self->font_key) == 0)
    {
      self->fonts_may_have_changed = FALSE;
      return;
    }

  g_free (self->font_key);
  self->font_key = g_steal_pointer (&key);
  self->fonts_may_have_changed = FALSE;
  clear_text (self);

  self->measure_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  self->text_height = pixel_height (probe);
  self->small_height = pixel_height (text_layout (self, PART_AXIS, "Ag"));

  self->lane_height = self->text_height + 11;
  self->era_row_height = self->small_height + 4;
  self->header_height = 4 + ERA_ROWS * self->era_row_height + 2;
  self->axis_height = 8 + 2 * (self->small_height + 1) + 6;

  for (char digit = '0'; digit <= '9'; digit++)
    {
      char text[2] = { digit, '\0' };

      digit_width = MAX (digit_width, text_width (self, PART_CLUSTER, text));
    }

  self->metrics = (NichiroTimelineMetrics) {
    .marker_radius = MAX (4, round (self->text_height * 0.33)),
    .label_gap = 5,
    .item_gap = 12,
    .bar_padding = 4,
    .open_tail = 28,
    .cluster_padding = 8,
    .cluster_digit_width = digit_width,
    .cluster_plus_width = text_width (self, PART_CLUSTER, "+"),
  };

  if (self->model != NULL)
    nichiro_timeline_model_measure (self->model, label_measure_cb, era_measure_cb, self);
}

static PangoLayout *
item_layout (NichiroTimelineCanvas     *self,
             guint                      index,
             const NichiroTimelineItem *item)
{
  PangoLayout *layout = g_hash_table_lookup (self->item_layouts, GUINT_TO_POINTER (index + 1));

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->item_layouts) > TEXT_CACHE_SIZE)
    g_hash_table_remove_all (self->item_layouts);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), item->title);
  pango_layout_set_width (layout, (int) (item->label_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  g_hash_table_insert (self->item_layouts, GUINT_TO_POINTER (index + 1), layout);
  return layout;
}

/* Helpers: the view */

static gboolean
is_rtl (NichiroTimelineCanvas *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* A pointer position in logical coordinates, where time grows rightwards. */
static double
logical_x (NichiroTimelineCanvas *self,
           double                 x)
{
  return is_rtl (self) ? gtk_widget_get_width (GTK_WIDGET (self)) - x : x;
}

static double
canvas_width (NichiroTimelineCanvas *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

static void
fit_range (NichiroTimelineCanvas *self,
           double                *out_start,
           double                *out_end)
{
  double start, end, margin;

  nichiro_timeline_model_get_bounds (self->model, &start, &end);
  margin = MAX ((end - start) * 0.03, 2);
  *out_start = start - margin;
  *out_end = end + margin;
}

static void
clamp_range (NichiroTimelineCanvas *self,
             double                *start,
             double                *end)
{
  double first, last, span, max_span, centre;

  nichiro_timeline_model_get_bounds (self->model, &first, &last);
  max_span = MAX ((last - first) * 1.5, 3652);
  span = CLAMP (*end - *start, MIN_SPAN_DAYS, max_span);
  centre = (*start + *end) / 2;

  /* The view may go half its width past either end, no further. */
  centre = CLAMP (centre, first, MAX (first, last));
  *start = centre - span / 2;
  *end = centre + span / 2;
}

static void
get_range (NichiroTimelineCanvas *self,
           double                *out_start,
           double                *out_end)
{
  double start = 0, end = 0;

  if (self->session != NULL)
    nichiro_session_get_visible_range (self->session, &start, &end);

  if (!(end - start > 1e-6) && self->model != NULL)
    fit_range (self, &start, &end);
  else if (!(end - start > 1e-6))
    start = 0, end = 1;

  *out_start = start;
  *out_end = end;
}

static NichiroTimelineView
get_view (NichiroTimelineCanvas *self)
{
  double start, end;

  get_range (self, &start, &end);
  return (NichiroTimelineView) { start, canvas_width (self) / (end - start) };
}

static void
set_range (NichiroTimelineCanvas *self,
           double                 start,
           double                 end)
{
  if (self->session == NULL || self->model == NULL)
    return;

  clamp_range (self, &start, &end);
  nichiro_session_set_visible_range (self->session, start, end);
}

static void
animation_cb (double   value,
              gpointer user_data)
{
  NichiroTimelineCanvas *self = user_data;

  if (self->session == NULL)
    return;

  /* Ends exactly where it was asked to. */
  if (value >= 1)
    nichiro_session_set_visible_range (self->session, self->to_start, self->to_end);
  else
    nichiro_session_set_visible_range (self->session,
                                       self->from_start + (self->to_start - self->from_start) * value,
                                       self->from_end + (self->to_end - self->from_end) * value);
}

static void
stop_animation (NichiroTimelineCanvas *self)
{
  if (self->animation != NULL &&
      adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    adw_animation_pause (self->animation);
}

/* Moves the view smoothly, or at once where animations are off. */
static void
animate_range (NichiroTimelineCanvas *self,
               double                 start,
               double                 end)
{
  if (self->session == NULL || self->model == NULL)
    return;

  if (self->animation == NULL)
    {
      AdwAnimationTarget *target = adw_callback_animation_target_new (animation_cb, self, NULL);

      self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, 250, target);
      adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
    }

  clamp_range (self, &start, &end);
  get_range (self, &self->from_start, &self->from_end);
  self->to_start = start;
  self->to_end = end;
  adw_animation_reset (self->animation);
  adw_animation_play (self->animation);
}

/* The first view, when the session has none: everything. */
static void
ensure_session_range (NichiroTimelineCanvas *self)
{
  double start = 0, end = 0;

  if (self->session == NULL || self->model == NULL)
    return;

  nichiro_session_get_visible_range (self->session, &start, &end);
  if (!(end - start > 1e-6))
    {
      fit_range (self, &start, &end);
      nichiro_session_set_visible_range (self->session, start, end);
    }
}

/* Zooms by @factor keeping the time at @anchor_x (logical) where it is. */
static void
zoom_around (NichiroTimelineCanvas *self,
             double                 factor,
             double                 anchor_x,
             gboolean               animate)
{
  double start, end, width = canvas_width (self), anchor, span;

  if (self->model == NULL)
    return;

  get_range (self, &start, &end);
  anchor = start + (end - start) * anchor_x / width;
  span = (end - start) / factor;
  start = anchor - span * anchor_x / width;

  if (animate)
    animate_range (self, start, start + span);
  else
    set_range (self, start, start + span);
}

static double
lanes_top (NichiroTimelineCanvas *self)
{
  return self->header_height;
}

static double
axis_top (NichiroTimelineCanvas *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self)) - self->axis_height;
}

static guint
count_lanes (NichiroTimelineCanvas *self)
{
  double room = axis_top (self) - lanes_top (self) - 2;

  return MAX (2, (guint) floor (room / self->lane_height));
}

static NichiroTimelineLayout *find_layout (NichiroTimelineCanvas *self,
                                           double                 scale,
                                           int                    pinned,
                                           gboolean               coarser);

/* The layout at @scale, from the cache or made now. */
static NichiroTimelineLayout *
get_layout (NichiroTimelineCanvas *self,
            double                 scale,
            int                    pinned)
{
  NichiroTimelineLayout *layout = find_layout (self, scale, pinned, FALSE);
  guint position;

  if (layout != NULL)
    {
      /* The most recently used first, so that the cache drops the oldest. */
      if (g_ptr_array_find (self->layouts, layout, &position) && position > 0)
        g_ptr_array_insert (self->layouts, 0, g_ptr_array_steal_index (self->layouts, position));
    }
  else
    {
      layout = nichiro_timeline_layout_new (self->model, &self->metrics, scale, self->n_lanes, pinned);
      g_ptr_array_insert (self->layouts, 0, layout);
      if (self->layouts->len > LAYOUT_CACHE_SIZE)
        g_ptr_array_set_size (self->layouts, LAYOUT_CACHE_SIZE);
    }

  return layout;
}

static NichiroTimelineLayout *
find_layout (NichiroTimelineCanvas *self,
             double                 scale,
             int                    pinned,
             gboolean               coarser)
{
  NichiroTimelineLayout *best = NULL;

  for (guint i = 0; i < self->layouts->len; i++)
    {
      NichiroTimelineLayout *layout = g_ptr_array_index (self->layouts, i);
      double layout_scale = nichiro_timeline_layout_get_scale (layout);

      if (nichiro_timeline_layout_get_n_lanes (layout) != self->n_lanes ||
          nichiro_timeline_layout_get_pinned (layout) != pinned)
        continue;

      if (!coarser && layout_scale == scale)
        return layout;
      if (coarser && layout_scale < scale &&
          (best == NULL || layout_scale > nichiro_timeline_layout_get_scale (best)))
        best = layout;
    }

  return best;
}

static gboolean
relayout_cb (gpointer user_data)
{
  NichiroTimelineCanvas *self = user_data;
  NichiroTimelineView view;
  double level;

  self->relayout_id = 0;
  if (self->model == NULL)
    return G_SOURCE_REMOVE;

  /* The zoom level's own layout, and the one below it, ready for a zoom
   * out. */
  view = get_view (self);
  level = nichiro_timeline_layout_quantize_scale (view.scale);
  get_layout (self, level, -1);
  if (self->selected >= 0)
    get_layout (self, level, self->selected);
  get_layout (self, nichiro_timeline_layout_quantize_scale (level / 1.1), -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* A large dataset lays out between frames: zooming in may show the layout
 * of a lower zoom level for a moment, which stays free of overlaps at any
 * larger scale. Zooming out past what was prepared lays out at once. */
static NichiroTimelineLayout *
layout_for (NichiroTimelineCanvas *self,
            double                 level,
            int                    pinned)
{
  NichiroTimelineLayout *layout = find_layout (self, level, pinned, FALSE);
  gboolean large = nichiro_timeline_model_get_n_items (self->model) > SYNC_LAYOUT_ITEMS;

  if (layout != NULL)
    return layout;

  if (large)
    {
      if (self->relayout_id == 0)
        self->relayout_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, relayout_cb, self, NULL);

      layout = find_layout (self, level, pinned, TRUE);
      if (layout != NULL)
        return layout;
    }

  return get_layout (self, level, pinned);
}

/* The layout for @view: its zoom level's, with the selection pinned out of
 * any cluster when it would be in one. */
static NichiroTimelineLayout *
current_layout (NichiroTimelineCanvas     *self,
                const NichiroTimelineView *view)
{
  double level = nichiro_timeline_layout_quantize_scale (view->scale);
  NichiroTimelineLayout *layout;

  ensure_text (self);
  layout = layout_for (self, level, -1);
  if (self->selected >= 0 && nichiro_timeline_layout_get_lane (layout, self->selected) < 0)
    layout = layout_for (self, level, self->selected);

  /* A focused cluster belongs to the layout it was focused in. */
  if (self->focus_cluster >= 0 &&
      (self->focus_cluster_scale != nichiro_timeline_layout_get_scale (layout) ||
       self->focus_cluster_pinned != nichiro_timeline_layout_get_pinned (layout)))
    self->focus_cluster = -1;

  return layout;
}

static const NichiroTimelineItem *
get_item (NichiroTimelineCanvas *self,
          guint                  index)
{
  return nichiro_timeline_model_get_item (self->model, index);
}

static gboolean
lane_at (NichiroTimelineCanvas *self,
         NichiroTimelineLayout *layout,
         double                 y,
         guint                 *out_lane)
{
  double top = lanes_top (self);

  if (y < top || y >= top + nichiro_timeline_layout_get_n_lanes (layout) * self->lane_height)
    return FALSE;

  *out_lane = (guint) floor ((y - top) / self->lane_height);
  return TRUE;
}

static NichiroTimelineHitKind
hit_at (NichiroTimelineCanvas *self,
        double                 x,
        double                 y,
        guint                 *out_index)
{
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  guint lane;

  if (self->model == NULL)
    return NICHIRO_TIMELINE_HIT_NONE;

  view = get_view (self);
  layout = current_layout (self, &view);
  if (!lane_at (self, layout, y, &lane))
    return NICHIRO_TIMELINE_HIT_NONE;

  return nichiro_timeline_layout_hit (layout, lane, &view, logical_x (self, x), out_index);
}

/* Helpers: accessibility */

static char *
dup_item_label (const NichiroTimelineItem *item)
{
  NichiroEntry *entry = item->entry;
  g_autofree char *dates = nichiro_entry_dup_date_span (entry);

  /* Translators: what a screen reader says for an entry on the timeline:
   * its title, its kind and its date, e.g. "Treaty of Portsmouth, Treaty,
   * 5 September 1905" */
  return g_strdup_printf (_("%s, %s, %s"),
                          item->title,
                          nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)),
                          dates);
}

static char *
dup_lifecycle_text (NichiroEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *signed_text = nichiro_date_format (nichiro_entry_get_date (entry));
  const NichiroLifecycleStep *steps;
  guint n_steps;

  steps = nichiro_entry_get_lifecycle (entry, &n_steps);
  if (n_steps == 0)
    return NULL;

  /* Translators: the first step of a treaty's lifecycle, with its date */
  g_string_append_printf (text, _("Signed %s."), signed_text);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *when = nichiro_date_format (&steps[i].date);

      /* Translators: a step of a treaty's lifecycle and its date, e.g.
       * "In force 25 April 1941." */
      g_string_append_printf (text, _(" %s %s."), nichiro_stage_get_label (steps[i].stage), when);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
format_span (double  start,
             double  end,
             char  **out_from,
             char  **out_to)
{
  NichiroDate from = nichiro_timeline_time_to_date (start);
  NichiroDate to = nichiro_timeline_time_to_date (end - 1);

  *out_from = nichiro_date_format (&from);
  *out_to = nichiro_date_format (&to);
}

static void
update_accessible (NichiroTimelineCanvas *self)
{
  g_autofree char *label = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->model != NULL && self->focus_cluster >= 0)
    {
      NichiroTimelineView view = get_view (self);
      NichiroTimelineLayout *layout = current_layout (self, &view);
      guint n_clusters;
      const NichiroTimelineCluster *clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);

      if ((guint) self->focus_cluster < n_clusters)
        {
          const NichiroTimelineCluster *cluster = &clusters[self->focus_cluster];
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          format_span (cluster->start, cluster->end, &from, &to);
          label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u more entry, %s to %s",
                                                "%u more entries, %s to %s",
                                                cluster->n_members),
                                   cluster->n_members, from, to);
          g_string_append (description, _("Too close together to show at this zoom. Press Enter to zoom in. "));
        }
    }

  if (label == NULL && self->model != NULL && self->selected >= 0)
    {
      const NichiroTimelineItem *item = get_item (self, self->selected);
      g_autofree char *lifecycle = dup_lifecycle_text (item->entry);

      label = dup_item_label (item);
      if (lifecycle != NULL)
        g_string_append_printf (description, "%s ", lifecycle);
      if (self->matches != NULL)
        g_string_append (description, self->matches[self->selected]
                                      ? _("Matches the search. ")
                                      : _("Does not match the search. "));
    }

  if (label == NULL)
    label = g_strdup (_("Timeline"));

  g_string_append (description,
                   _("Left and Right move through time, Up and Down between rows, "
                     "plus and minus zoom, Shift with Left or Right moves the date cursor, "
                     "Control+L lists the entries."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/* Helpers: drawing */

/* Where a box that starts at the logical @x is drawn: mirrored right to
 * left. Mirroring the coordinates rather than the drawing keeps rounded
 * clips, which a negative scale would undo. */
static double
screen_x (NichiroTimelineCanvas *self,
          double                 x,
          double                 width)
{
  return self->mirror_width > 0 ? self->mirror_width - x - width : x;
}

static void
fill_rect (NichiroTimelineCanvas *self,
           GtkSnapshot           *snapshot,
           const GdkRGBA         *color,
           double                 x,
           double                 y,
           double                 width,
           double                 height)
{
  if (width <= 0 || height <= 0 || color->alpha <= 0)
    return;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (screen_x (self, x, width), y, width, height));
}

static void
fill_rounded (NichiroTimelineCanvas *self,
              GtkSnapshot           *snapshot,
              const GdkRGBA         *color,
              double                 x,
              double                 y,
              double                 width,
              double                 height,
              double                 radius)
{
  GskRoundedRect rounded;

  if (width <= 0 || height <= 0 || color->alpha <= 0)
    return;

  x = screen_x (self, x, width);
  radius = MIN (radius, MIN (width, height) / 2);
  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
stroke_rounded (NichiroTimelineCanvas *self,
                GtkSnapshot           *snapshot,
                const GdkRGBA         *color,
                double                 x,
                double                 y,
                double                 width,
                double                 height,
                double                 radius,
                double                 line_width)
{
  GskRoundedRect rounded;
  const float widths[4] = { line_width, line_width, line_width, line_width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  radius = MIN (radius, MIN (width, height) / 2);
  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (screen_x (self, x, width), y, width, height), radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
draw_text (NichiroTimelineCanvas *self,
           GtkSnapshot           *snapshot,
           PangoLayout           *layout,
           double                 x,
           double                 y,
           const GdkRGBA         *color)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (screen_x (self, x, width), y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_marker (NichiroTimelineCanvas *self,
             GtkSnapshot           *snapshot,
             NichiroTimelineMarker  marker,
             double                 cx,
             double                 cy,
             double                 r,
             const GdkRGBA         *color)
{
  double side = r * G_SQRT2;

  switch (marker)
    {
    case NICHIRO_TIMELINE_MARKER_DIAMOND:
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (screen_x (self, cx, 0), cy));
      gtk_snapshot_rotate (snapshot, 45);
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
      gtk_snapshot_restore (snapshot);
      break;

    case NICHIRO_TIMELINE_MARKER_TRIANGLE:
      /* The upper half of a tall diamond. */
      cx = screen_x (self, cx, 0);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy + r));
      gtk_snapshot_scale (snapshot, 1, 2);
      gtk_snapshot_rotate (snapshot, 45);
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
      break;

    case NICHIRO_TIMELINE_MARKER_CIRCLE:
    default:
      fill_rounded (self, snapshot, color, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7, r);
      break;
    }
}

static double
view_x (const NichiroTimelineView *view,
        double                     time)
{
  return (time - view->start) * view->scale;
}

/* Signed, in force, notice, ended: a thin line until the instrument came
 * into force, a thick one while it was, a faded one after notice, a bar
 * where it ended, ticks for ratification; a fading tail when it is still
 * in force. */
static void
draw_lifecycle (NichiroTimelineCanvas         *self,
                GtkSnapshot                   *snapshot,
                const NichiroTimelineItem     *item,
                const NichiroTimelineGeometry *g,
                const NichiroTimelineView     *view,
                double                         cy,
                double                         line_y,
                const GdkRGBA                 *color)
{
  double r = self->metrics.marker_radius;
  const double *stages = item->stages;
  gboolean has_force, has_notice = stages[NICHIRO_STAGE_NOTICE] != 0, has_end = stages[NICHIRO_STAGE_ENDED] != 0;
  double force_x = 0, notice_x = 0, end_x = 0, thick_end;
  GdkRGBA thin = with_alpha (color, 0.55);
  GdkRGBA faded = with_alpha (color, 0.4);

  /* Positions may lie left of the view: presence is tracked apart. */
  if (has_end)
    end_x = view_x (view, stages[NICHIRO_STAGE_ENDED]);
  if (has_notice)
    notice_x = view_x (view, stages[NICHIRO_STAGE_NOTICE] + 0.5);
  has_force = stages[NICHIRO_STAGE_IN_FORCE] != 0 || has_end;
  if (stages[NICHIRO_STAGE_IN_FORCE] != 0)
    force_x = view_x (view, stages[NICHIRO_STAGE_IN_FORCE] + 0.5);
  else if (has_end)
    force_x = g->marker_x;

  /* From the marker down to the line. */
  fill_rect (self, snapshot, &thin, g->marker_x - 0.5, cy + r, 1, line_y - cy - r);

  fill_rect (self, snapshot, &thin, g->marker_x, line_y, (has_force ? force_x : g->bar_x1) - g->marker_x, 1);

  if (has_force)
    {
      double open_end = item->is_open ? g->bar_x1 - self->metrics.open_tail : g->bar_x1;

      thick_end = has_notice ? notice_x : has_end ? end_x : open_end;
      fill_rect (self, snapshot, color, force_x, line_y - 1, MAX (thick_end - force_x, 2), 3);

      if (has_notice)
        fill_rect (self, snapshot, &faded, notice_x, line_y - 1, (has_end ? end_x : g->bar_x1) - notice_x, 3);

      if (item->is_open)
        {
          const GskColorStop stops[2] = { { 0, *color }, { 1, with_alpha (color, 0) } };

          gtk_snapshot_append_linear_gradient (snapshot,
                                               &GRAPHENE_RECT_INIT (screen_x (self, open_end, g->bar_x1 - open_end),
                                                                    line_y - 1, g->bar_x1 - open_end, 3),
                                               &GRAPHENE_POINT_INIT (screen_x (self, open_end, 0), line_y),
                                               &GRAPHENE_POINT_INIT (screen_x (self, g->bar_x1, 0), line_y),
                                               stops, 2);
        }
    }

  /* Ratification, the exchange and the notice as ticks; the end as a bar. */
  for (NichiroStage stage = 0; stage < NICHIRO_N_STAGES; stage++)
    {
      double x;

      if (stages[stage] == 0 || stage == NICHIRO_STAGE_IN_FORCE || stage == NICHIRO_STAGE_ENDED)
        continue;
      x = view_x (view, stages[stage] + 0.5);
      fill_rect (self, snapshot, color, x - 0.5, line_y - 4, 1, 4);
    }

  if (has_end)
    fill_rect (self, snapshot, color, end_x - 1, line_y - 4, 2, 8);
}

static void
draw_item (NichiroTimelineCanvas     *self,
           GtkSnapshot               *snapshot,
           guint                      index,
           const NichiroTimelineView *view,
           double                     top)
{
  const NichiroTimelineItem *item = get_item (self, index);
  NichiroTimelineGeometry g;
  PangoLayout *layout = item_layout (self, index, item);
  gboolean selected = (int) index == self->selected;
  gboolean matched = self->matches != NULL && self->matches[index];
  gboolean dimmed = self->matches != NULL && !matched && !selected;
  gboolean hovered = (int) index == self->hover_item;
  double r = self->metrics.marker_radius;
  double pill_top = top + 2;
  double pill_height = self->text_height + 2;
  double cy = pill_top + pill_height / 2;
  double text_y = cy - self->text_height / 2;
  const GdkRGBA *group_color = &self->colors[item->group];
  const GdkRGBA *mark_color = selected ? &self->colors[PART_SELECTED_TEXT] : group_color;
  const GdkRGBA *text_color = selected ? &self->colors[PART_SELECTED_TEXT] : &self->foreground;
  double label_x;

  nichiro_timeline_item_get_geometry (item, &self->metrics, view, &g);

  /* A label whose marker has scrolled out of view slides along what the
   * item still shows (its lifecycle line, its bar), within the room the
   * lane keeps for it, so long spans stay named. */
  label_x = g.label_x;
  if (label_x < 4)
    {
      double room_end = item->is_range && g.label_inside ? g.bar_x1 - self->metrics.bar_padding : g.x1;

      label_x = MAX (label_x, MIN (4, room_end - item->label_width));
    }

  if (dimmed)
    gtk_snapshot_push_opacity (snapshot, 0.35);

  if (item->is_range)
    {
      GdkRGBA bar = with_alpha (group_color, hovered ? 0.34 : 0.22);
      double bar_end = g.label_inside ? g.bar_x1 : g.x1 + 3;

      if (selected)
        fill_rounded (self, snapshot, &self->colors[PART_SELECTED], g.bar_x0, pill_top, bar_end - g.bar_x0, pill_height, 5);
      else if (matched)
        fill_rounded (self, snapshot, &self->colors[PART_MATCH], g.bar_x0 - 2, pill_top - 1, bar_end - g.bar_x0 + 4, pill_height + 2, 6);
      fill_rounded (self, snapshot, &bar, g.bar_x0, pill_top, g.bar_x1 - g.bar_x0, pill_height, 5);
      draw_marker (self, snapshot, item->marker, g.marker_x, cy, r * 0.8, mark_color);
      if (!g.label_inside && !selected)
        text_color = &self->foreground;
    }
  else
    {
      double pill_x = g.x0 - 3;
      double pill_end = label_x + item->label_width + 4;

      if (selected)
        fill_rounded (self, snapshot, &self->colors[PART_SELECTED], pill_x, pill_top, pill_end - pill_x, pill_height, 6);
      else if (matched)
        fill_rounded (self, snapshot, &self->colors[PART_MATCH], pill_x, pill_top, pill_end - pill_x, pill_height, 6);
      else if (hovered)
        fill_rounded (self, snapshot, &self->colors[PART_HOVER], pill_x, pill_top, pill_end - pill_x, pill_height, 6);

      if (g.bar_x1 > g.marker_x + 0.5)
        draw_lifecycle (self, snapshot, item, &g, view, cy, top + self->lane_height - 4, group_color);

      draw_marker (self, snapshot, item->marker, g.marker_x, cy, r, mark_color);
    }

  draw_text (self, snapshot, layout, label_x, text_y, text_color);

  if (dimmed)
    gtk_snapshot_pop (snapshot);
}

static void
draw_cluster (NichiroTimelineCanvas     *self,
              GtkSnapshot               *snapshot,
              NichiroTimelineLayout     *layout,
              guint                      index,
              const NichiroTimelineView *view,
              double                     top)
{
  guint n_members;
  const guint *members = nichiro_timeline_layout_get_cluster_members (layout, index, &n_members);
  char text[16];
  PangoLayout *text_layout_ = NULL;
  double x0, x1;
  double pill_top = top + 2;
  double pill_height = self->text_height + 2;
  gboolean matched = FALSE;
  gboolean dimmed = FALSE;
  int width, height;

  nichiro_timeline_layout_get_cluster_geometry (layout, index, view, &x0, &x1);
  g_snprintf (text, sizeof text, "+%u", n_members);
  text_layout_ = text_layout (self, PART_CLUSTER, text);
  pango_layout_get_pixel_size (text_layout_, &width, &height);

  if (self->matches != NULL)
    {
      for (guint i = 0; i < n_members && !matched; i++)
        matched = self->matches[members[i]];
      dimmed = !matched;
    }

  if (dimmed)
    gtk_snapshot_push_opacity (snapshot, 0.35);

  fill_rounded (self, snapshot, &self->colors[matched ? PART_MATCH : PART_CLUSTER], x0, pill_top, x1 - x0, pill_height, pill_height / 2);
  if ((int) index == self->hover_cluster)
    fill_rounded (self, snapshot, &self->colors[PART_HOVER], x0, pill_top, x1 - x0, pill_height, pill_height / 2);
  draw_text (self, snapshot, text_layout_, (x0 + x1 - width) / 2, pill_top + (pill_height - height) / 2, &self->foreground);

  if (dimmed)
    gtk_snapshot_pop (snapshot);
}

static Part
era_part (const NichiroEra *era)
{
  if (g_strcmp0 (era->kind, "war") == 0)
    return PART_ERA_WAR;
  if (g_strcmp0 (era->kind, "revolution") == 0)
    return PART_ERA_REVOLUTION;
  if (g_strcmp0 (era->kind, "intervention") == 0)
    return PART_ERA_INTERVENTION;
  if (g_strcmp0 (era->kind, "occupation") == 0)
    return PART_ERA_OCCUPATION;
  return PART_ERA_PERIOD;
}

static void
draw_eras (NichiroTimelineCanvas     *self,
           GtkSnapshot               *snapshot,
           const NichiroTimelineView *view,
           double                     width)
{
  guint n_eras;
  const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (self->model, &n_eras);
  double bottom = axis_top (self);

  for (guint i = 0; i < n_eras; i++)
    {
      double x0 = MAX (view_x (view, eras[i].start), 0);
      double x1 = MIN (view_x (view, eras[i].end), width);

      fill_rect (self, snapshot, &self->colors[era_part (eras[i].era)], x0, 0, x1 - x0, bottom);
    }
}

static void
draw_era_labels (NichiroTimelineCanvas     *self,
                 GtkSnapshot               *snapshot,
                 const NichiroTimelineView *view,
                 double                     width)
{
  guint n_eras, n_labels;
  const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (self->model, &n_eras);
  g_autofree NichiroTimelineEraLabel *labels = g_new (NichiroTimelineEraLabel, MAX (n_eras, 1));

  if (self->era_layouts->len != n_eras)
    {
      g_ptr_array_set_size (self->era_layouts, 0);
      for (guint i = 0; i < n_eras; i++)
        {
          PangoLayout *layout = gtk_widget_create_pango_layout (self->parts[PART_ERA_LABEL], eras[i].era->name.en);

          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          g_ptr_array_add (self->era_layouts, layout);
        }
    }

  n_labels = nichiro_timeline_place_era_labels (eras, n_eras, view, width, ERA_ROWS, 6, 48, labels);
  for (guint i = 0; i < n_labels; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->era_layouts, labels[i].era);
      int layout_width = (int) (ceil (labels[i].width) * PANGO_SCALE);

      if (pango_layout_get_width (layout) != layout_width)
        pango_layout_set_width (layout, layout_width);
      draw_text (self, snapshot, layout, labels[i].x, 4 + labels[i].row * self->era_row_height + 2,
                 &self->colors[PART_ERA_LABEL]);
    }
}

static void
draw_grid (NichiroTimelineCanvas      *self,
           GtkSnapshot                *snapshot,
           const NichiroTimelineTicks *ticks)
{
  double bottom = axis_top (self);

  for (guint i = 0; i < ticks->lines->len; i++)
    {
      const NichiroTimelineTickLine *line = &g_array_index (ticks->lines, NichiroTimelineTickLine, i);

      if (line->level >= 1)
        fill_rect (self, snapshot, &self->colors[PART_GRID], round (line->x), self->header_height, 1, bottom - self->header_height);
    }
}

static void
draw_axis (NichiroTimelineCanvas      *self,
           GtkSnapshot                *snapshot,
           const NichiroTimelineTicks *ticks,
           double                      width)
{
  double top = axis_top (self);
  static const double lengths[] = { 3, 5, 8 };
  const GdkRGBA *color = &self->colors[PART_AXIS];

  fill_rect (self, snapshot, color, 0, top, width, 1);

  for (guint i = 0; i < ticks->lines->len; i++)
    {
      const NichiroTimelineTickLine *line = &g_array_index (ticks->lines, NichiroTimelineTickLine, i);

      fill_rect (self, snapshot, color, round (line->x), top, 1, lengths[MIN (line->level, 2)]);
    }

  for (guint i = 0; i < ticks->labels->len; i++)
    {
      const NichiroTimelineLabel *label = &g_array_index (ticks->labels, NichiroTimelineLabel, i);

      draw_text (self, snapshot, text_layout (self, PART_AXIS, label->text), label->x, top + 8, color);
    }

  for (guint i = 0; i < ticks->context->len; i++)
    {
      const NichiroTimelineLabel *label = &g_array_index (ticks->context, NichiroTimelineLabel, i);

      draw_text (self, snapshot, text_layout (self, PART_AXIS, label->text), label->x,
                 top + 8 + self->small_height + 1, &self->colors[PART_AXIS_CONTEXT]);
    }
}

static void
draw_cursor (NichiroTimelineCanvas     *self,
             GtkSnapshot               *snapshot,
             const NichiroTimelineView *view,
             double                     width)
{
  gint64 cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  NichiroDate date;
  g_autofree char *text = NULL;
  PangoLayout *layout;
  double x, top = axis_top (self), handle_x, handle_width;
  int text_width_, text_height_;

  if (cursor == 0)
    return;

  x = view_x (view, cursor + 0.5);
  if (x < -100 || x > width + 100)
    return;

  fill_rect (self, snapshot, &self->colors[PART_CURSOR], round (x) - 1, 0, 2, top);

  date = nichiro_date_from_julian_day (cursor);
  text = nichiro_date_format_short (&date);
  layout = text_layout (self, PART_AXIS, text ? text : "");
  pango_layout_get_pixel_size (layout, &text_width_, &text_height_);
  handle_width = text_width_ + 12;
  handle_x = CLAMP (x - handle_width / 2, 1, MAX (1, width - handle_width - 1));
  fill_rounded (self, snapshot, &self->colors[PART_SELECTED], handle_x, top + 3, handle_width, text_height_ + 4, (text_height_ + 4) / 2.0);
  draw_text (self, snapshot, layout, handle_x + 6, top + 5, &self->colors[PART_SELECTED_TEXT]);
}

/* The ring around what the keyboard is on: the selection, a cluster, or
 * the whole canvas when neither is in view. */
static void
draw_focus (NichiroTimelineCanvas     *self,
            GtkSnapshot               *snapshot,
            NichiroTimelineLayout     *layout,
            const NichiroTimelineView *view,
            double                     width)
{
  const GdkRGBA *color = &self->colors[PART_FOCUS];
  double height = self->text_height + 2;

  if (self->focus_cluster >= 0)
    {
      double x0, x1, top = lanes_top (self) + nichiro_timeline_layout_get_n_item_lanes (layout) * self->lane_height + 2;

      nichiro_timeline_layout_get_cluster_geometry (layout, self->focus_cluster, view, &x0, &x1);
      stroke_rounded (self, snapshot, color, x0 - 3, top - 3, x1 - x0 + 6, height + 6, height / 2 + 3, 2);
      return;
    }

  if (self->selected >= 0 && nichiro_timeline_layout_get_lane (layout, self->selected) >= 0)
    {
      const NichiroTimelineItem *item = get_item (self, self->selected);
      NichiroTimelineGeometry g;
      double top = lanes_top (self) + nichiro_timeline_layout_get_lane (layout, self->selected) * self->lane_height + 2;
      double x0, x1;

      nichiro_timeline_item_get_geometry (item, &self->metrics, view, &g);
      x0 = item->is_range ? g.bar_x0 : g.x0 - 3;
      x1 = item->is_range ? (g.label_inside ? g.bar_x1 : g.x1 + 3) : g.label_x + item->label_width + 4;
      if (x1 >= 0 && x0 <= width)
        {
          stroke_rounded (self, snapshot, color, x0 - 3, top - 3, x1 - x0 + 6, height + 6, 9, 2);
          return;
        }
    }

  stroke_rounded (self, snapshot, color, 1, 1, width - 2, gtk_widget_get_height (GTK_WIDGET (self)) - 2, 6, 2);
}

/* Callbacks: the session */

static void
range_changed_cb (NichiroTimelineCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Brings @index into view when it is not, keeping the zoom. */
static void
scroll_to_item (NichiroTimelineCanvas *self,
                guint                  index)
{
  NichiroTimelineView view = get_view (self);
  NichiroTimelineGeometry g;
  double width = canvas_width (self);
  double margin = MIN (48, width / 6);
  double span = width / view.scale;
  double start;

  ensure_text (self);
  nichiro_timeline_item_get_geometry (get_item (self, index), &self->metrics, &view, &g);
  if (g.marker_x >= margin && g.marker_x <= width - margin)
    return;

  start = view.start + (g.marker_x - width / 3) / view.scale;
  animate_range (self, start, start + span);
}

static void
selected_changed_cb (NichiroTimelineCanvas *self)
{
  NichiroEntry *entry = nichiro_session_get_selected (self->session);
  guint index;

  self->selected = -1;
  if (entry != NULL && self->model != NULL && nichiro_timeline_model_find (self->model, entry, &index))
    {
      self->selected = index;
      self->focus_cluster = -1;
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && !self->selecting_by_pointer)
        scroll_to_item (self, index);
    }

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The session searches once for every view; the timeline marks what its
 * results hold. */
static void
results_changed_cb (NichiroTimelineCanvas *self)
{
  const NichiroSearchResults *results = nichiro_results_model_get_results (nichiro_session_get_results (self->session));

  g_clear_pointer (&self->matches, g_free);

  if (results != NULL && self->model != NULL)
    {
      self->matches = g_new0 (guint8, MAX (nichiro_timeline_model_get_n_items (self->model), 1));
      for (guint i = 0; i < results->items->len; i++)
        {
          const NichiroSearchResult *result = g_ptr_array_index (results->items, i);
          guint index;

          if (nichiro_timeline_model_find (self->model, result->entry, &index))
            self->matches[index] = 1;
        }
    }

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cursor_changed_cb (NichiroTimelineCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks: actions on entries and clusters */

static void
select_index (NichiroTimelineCanvas *self,
              guint                  index)
{
  self->focus_cluster = -1;
  if (self->session == NULL)
    return;

  if ((int) index == self->selected)
    {
      if (!self->selecting_by_pointer)
        scroll_to_item (self, index);
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  nichiro_session_set_selected (self->session, get_item (self, index)->entry);
}

static void
zoom_to_span (NichiroTimelineCanvas *self,
              double                 start,
              double                 end)
{
  double span = MAX (end - start, MIN_SPAN_DAYS);
  double centre = (start + end) / 2;

  span *= 1.3;
  animate_range (self, centre - span / 2, centre + span / 2);
}

static void
cluster_row_activated_cb (NichiroTimelineCanvas *self,
                          GtkListBoxRow         *row)
{
  NichiroEntry *entry = g_object_get_data (G_OBJECT (row), "nichiro-entry");

  gtk_popover_popdown (GTK_POPOVER (self->cluster_popover));
  if (entry != NULL && self->session != NULL)
    nichiro_session_set_selected (self->session, entry);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* What a cluster holds, for when zooming in cannot spread it out: entries
 * on the same day. */
static void
show_cluster_members (NichiroTimelineCanvas     *self,
                      NichiroTimelineLayout     *layout,
                      guint                      index,
                      const NichiroTimelineView *view)
{
  guint n_members;
  const guint *members = nichiro_timeline_layout_get_cluster_members (layout, index, &n_members);
  GtkWidget *child;
  double x0, x1, top, width = canvas_width (self);
  GdkRectangle area;

  if (self->cluster_popover == NULL)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      self->cluster_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->cluster_popover, GTK_WIDGET (self));
      self->cluster_list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (self->cluster_list, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (self->cluster_list), "navigation-sidebar");
      g_signal_connect_object (self->cluster_list, "row-activated",
                               G_CALLBACK (cluster_row_activated_cb), self, G_CONNECT_SWAPPED);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->cluster_list));
      gtk_popover_set_child (GTK_POPOVER (self->cluster_popover), scroller);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cluster_list))) != NULL)
    gtk_list_box_remove (self->cluster_list, child);

  for (guint i = 0; i < MIN (n_members, CLUSTER_POPOVER_MAX); i++)
    {
      const NichiroTimelineItem *item = get_item (self, members[i]);
      NichiroEntry *entry = item->entry;
      g_autofree char *dates = nichiro_entry_dup_date_label (entry);
      g_autofree char *text = g_strdup_printf ("%s — %s", item->title, dates);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "nichiro-entry", g_object_ref (entry), g_object_unref);
      gtk_list_box_append (self->cluster_list, row);
    }

  if (n_members > CLUSTER_POPOVER_MAX)
    {
      g_autofree char *text = g_strdup_printf (_("and %u more"), n_members - CLUSTER_POPOVER_MAX);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->cluster_list, label);
    }

  nichiro_timeline_layout_get_cluster_geometry (layout, index, view, &x0, &x1);
  top = lanes_top (self) + nichiro_timeline_layout_get_n_item_lanes (layout) * self->lane_height;
  area.x = (int) (is_rtl (self) ? width - x1 : x0);
  area.y = (int) top;
  area.width = (int) (x1 - x0);
  area.height = (int) self->lane_height;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->cluster_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->cluster_popover));
}

/* Zooms into a cluster until it spreads out; where it cannot (its entries
 * share a day), lists them. */
static void
activate_cluster (NichiroTimelineCanvas *self,
                  guint                  index)
{
  NichiroTimelineView view = get_view (self);
  NichiroTimelineLayout *layout = current_layout (self, &view);
  guint n_clusters;
  const NichiroTimelineCluster *clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);
  double span = canvas_width (self) / view.scale;
  double wanted;

  if (index >= n_clusters)
    return;

  wanted = MAX (clusters[index].end - clusters[index].start, MIN_SPAN_DAYS) * 1.3;
  if (wanted >= span * 0.8 || span <= MIN_SPAN_DAYS * 1.01)
    {
      show_cluster_members (self, layout, index, &view);
      return;
    }

  self->focus_cluster = -1;
  zoom_to_span (self, clusters[index].start, clusters[index].end);
}

/* Callbacks: the pointer */

static void
click_pressed_cb (NichiroTimelineCanvas *self,
                  int                    n_press,
                  double                 x,
                  double                 y,
                  GtkGestureClick       *gesture)
{
  guint index;

  if (n_press == 2 && hit_at (self, x, y, &index) == NICHIRO_TIMELINE_HIT_ITEM)
    {
      const NichiroTimelineItem *item = get_item (self, index);

      zoom_to_span (self, item->start, item->end);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
place_cursor_at (NichiroTimelineCanvas *self,
                 double                 x)
{
  NichiroTimelineView view = get_view (self);
  double time = view.start + x / view.scale;

  if (self->session != NULL && time >= 1)
    nichiro_session_set_cursor (self->session, (gint64) floor (time));
}

static void
click_released_cb (NichiroTimelineCanvas *self,
                   int                    n_press,
                   double                 x,
                   double                 y,
                   GtkGestureClick       *gesture)
{
  guint index;

  if (n_press != 1 || self->model == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  switch (hit_at (self, x, y, &index))
    {
    case NICHIRO_TIMELINE_HIT_ITEM:
      self->selecting_by_pointer = TRUE;
      select_index (self, index);
      self->selecting_by_pointer = FALSE;
      break;

    case NICHIRO_TIMELINE_HIT_CLUSTER:
      activate_cluster (self, index);
      break;

    case NICHIRO_TIMELINE_HIT_NONE:
    default:
      /* On the axis or between items: the date cursor goes there. */
      if (y >= self->header_height)
        place_cursor_at (self, logical_x (self, x));
      break;
    }
}

static void
drag_begin_cb (NichiroTimelineCanvas *self,
               double                 x,
               double                 y,
               GtkGestureDrag        *gesture)
{
  NichiroTimelineView view;
  gint64 cursor;

  stop_animation (self);
  get_range (self, &self->drag_start, &self->drag_end);
  self->drag_x = logical_x (self, x);
  self->panning = FALSE;
  self->drag_cursor = FALSE;

  cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  if (cursor != 0)
    {
      view = get_view (self);
      self->drag_cursor = fabs (view_x (&view, cursor + 0.5) - self->drag_x) <= CURSOR_GRAB_DISTANCE;
    }

  if (self->drag_cursor)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (NichiroTimelineCanvas *self,
                double                 dx,
                double                 dy,
                GtkGestureDrag        *gesture)
{
  double scale;

  if (is_rtl (self))
    dx = -dx;

  if (self->drag_cursor)
    {
      place_cursor_at (self, self->drag_x + dx);
      return;
    }

  if (!self->panning)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->panning = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  scale = canvas_width (self) / (self->drag_end - self->drag_start);
  set_range (self, self->drag_start - dx / scale, self->drag_end - dx / scale);
}

static void
drag_end_cb (NichiroTimelineCanvas *self,
             double                 dx,
             double                 dy,
             GtkGestureDrag        *gesture)
{
  if (self->panning)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  self->panning = FALSE;
  self->drag_cursor = FALSE;
}

static gboolean
scroll_cb (NichiroTimelineCanvas    *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double start, end;

  if (self->model == NULL)
    return FALSE;

  stop_animation (self);

  if (state & GDK_CONTROL_MASK)
    {
      double anchor = self->has_pointer ? self->pointer_x : canvas_width (self) / 2;

      zoom_around (self, exp (-dy * (wheel ? 0.25 : 0.01)), anchor, FALSE);
      return TRUE;
    }

  /* The wheel and both touchpad axes pan: there is nothing to scroll
   * vertically. */
  get_range (self, &start, &end);
  {
    /* A sideways swipe moves the content with the fingers, so it runs
     * the other way in time where the axis is mirrored; the wheel always
     * goes forward in time downwards. */
    double pixels = ((is_rtl (self) ? -dx : dx) + dy) * (wheel ? WHEEL_PAN_PIXELS : 1);
    double days = pixels * (end - start) / canvas_width (self);

    set_range (self, start + days, end + days);
  }

  return TRUE;
}

static void
zoom_begin_cb (NichiroTimelineCanvas *self,
               GdkEventSequence      *sequence,
               GtkGesture            *gesture)
{
  double x, y;

  /* Two fingers zoom; neither of them pans as well. */
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  stop_animation (self);
  get_range (self, &self->zoom_start, &self->zoom_end);
  if (gtk_gesture_is_active (gesture) && gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    self->zoom_anchor_x = logical_x (self, x);
  else
    self->zoom_anchor_x = canvas_width (self) / 2;
}

static void
zoom_scale_changed_cb (NichiroTimelineCanvas *self,
                       double                 scale,
                       GtkGestureZoom        *gesture)
{
  double width = canvas_width (self);
  double anchor = self->zoom_start + (self->zoom_end - self->zoom_start) * self->zoom_anchor_x / width;
  double span = (self->zoom_end - self->zoom_start) / MAX (scale, 1e-3);
  double start = anchor - span * self->zoom_anchor_x / width;

  set_range (self, start, start + span);
}

static void
motion_cb (NichiroTimelineCanvas    *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint index;
  int hover_item = -1, hover_cluster = -1;
  const char *cursor_name = NULL;
  gint64 cursor;

  self->pointer_x = logical_x (self, x);
  self->has_pointer = TRUE;

  if (self->panning)
    return;

  switch (hit_at (self, x, y, &index))
    {
    case NICHIRO_TIMELINE_HIT_ITEM:
      hover_item = index;
      cursor_name = "pointer";
      break;
    case NICHIRO_TIMELINE_HIT_CLUSTER:
      hover_cluster = index;
      cursor_name = "pointer";
      break;
    case NICHIRO_TIMELINE_HIT_NONE:
    default:
      break;
    }

  cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  if (cursor != 0 && cursor_name == NULL)
    {
      NichiroTimelineView view = get_view (self);

      if (fabs (view_x (&view, cursor + 0.5) - self->pointer_x) <= CURSOR_GRAB_DISTANCE)
        cursor_name = "col-resize";
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_name);

  if (hover_item != self->hover_item || hover_cluster != self->hover_cluster)
    {
      self->hover_item = hover_item;
      self->hover_cluster = hover_cluster;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (NichiroTimelineCanvas    *self,
          GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
  if (self->hover_item >= 0 || self->hover_cluster >= 0)
    {
      self->hover_item = -1;
      self->hover_cluster = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Callbacks: keys */

/* Moving with the keyboard shows where it is: GTK turns focus rings on for
 * Tab, not for the arrows a canvas handles itself. */
static void
show_focus (NichiroTimelineCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
}

static guint
first_at_or_after (NichiroTimelineCanvas *self,
                   double                 time)
{
  guint low = 0, high = nichiro_timeline_model_get_n_items (self->model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (get_item (self, middle)->start < time)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static gboolean
step_in_time (NichiroTimelineCanvas *self,
              int                    direction)
{
  guint n_items;
  int target;

  if (self->model == NULL || (n_items = nichiro_timeline_model_get_n_items (self->model)) == 0)
    return FALSE;

  show_focus (self);
  if (is_rtl (self))
    direction = -direction;

  if (self->selected < 0)
    {
      /* From nothing, the first entry in view going forward, the last
       * going back. */
      NichiroTimelineView view = get_view (self);
      double end = view.start + canvas_width (self) / view.scale;

      target = direction > 0 ? (int) first_at_or_after (self, view.start) : (int) first_at_or_after (self, end) - 1;
    }
  else
    {
      target = self->selected + direction;
    }

  select_index (self, CLAMP (target, 0, (int) n_items - 1));
  return TRUE;
}

static gboolean
previous_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return step_in_time (NICHIRO_TIMELINE_CANVAS (widget), -1);
}

static gboolean
next_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  return step_in_time (NICHIRO_TIMELINE_CANVAS (widget), 1);
}

static gboolean
step_lane (NichiroTimelineCanvas *self,
           int                    direction)
{
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  guint n_lanes, n_item_lanes;
  int lane;
  double x;

  if (self->model == NULL)
    return FALSE;

  show_focus (self);
  view = get_view (self);
  layout = current_layout (self, &view);
  n_lanes = nichiro_timeline_layout_get_n_lanes (layout);
  n_item_lanes = nichiro_timeline_layout_get_n_item_lanes (layout);

  if (self->focus_cluster >= 0)
    {
      double x1;

      lane = n_item_lanes;
      nichiro_timeline_layout_get_cluster_geometry (layout, self->focus_cluster, &view, &x, &x1);
    }
  else if (self->selected >= 0 && nichiro_timeline_layout_get_lane (layout, self->selected) >= 0)
    {
      NichiroTimelineGeometry g;

      lane = nichiro_timeline_layout_get_lane (layout, self->selected);
      nichiro_timeline_item_get_geometry (get_item (self, self->selected), &self->metrics, &view, &g);
      x = g.x0;
    }
  else
    {
      return step_in_time (self, is_rtl (self) ? -1 : 1);
    }

  /* The nearest in the next lane that has anything, skipping empty ones. */
  for (lane += direction; lane >= 0 && lane < (int) n_lanes; lane += direction)
    {
      guint index;

      switch (nichiro_timeline_layout_nearest (layout, lane, &view, x, &index))
        {
        case NICHIRO_TIMELINE_HIT_ITEM:
          select_index (self, index);
          return TRUE;

        case NICHIRO_TIMELINE_HIT_CLUSTER:
          self->focus_cluster = index;
          self->focus_cluster_scale = nichiro_timeline_layout_get_scale (layout);
          self->focus_cluster_pinned = nichiro_timeline_layout_get_pinned (layout);
          update_accessible (self);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return TRUE;

        case NICHIRO_TIMELINE_HIT_NONE:
        default:
          break;
        }
    }

  /* Nothing further: stay, but say where the keyboard is. */
  gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
up_cb (GtkWidget *widget,
       GVariant  *args,
       gpointer   user_data)
{
  return step_lane (NICHIRO_TIMELINE_CANVAS (widget), -1);
}

static gboolean
down_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  return step_lane (NICHIRO_TIMELINE_CANVAS (widget), 1);
}

static gboolean
home_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  if (self->model == NULL || nichiro_timeline_model_get_n_items (self->model) == 0)
    return FALSE;

  show_focus (self);
  select_index (self, 0);
  return TRUE;
}

static gboolean
end_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  if (self->model == NULL || nichiro_timeline_model_get_n_items (self->model) == 0)
    return FALSE;

  show_focus (self);
  select_index (self, nichiro_timeline_model_get_n_items (self->model) - 1);
  return TRUE;
}

/* Keys zoom around the selection when it is in view, otherwise the middle. */
static double
keyboard_anchor (NichiroTimelineCanvas *self)
{
  double width = canvas_width (self);

  if (self->selected >= 0)
    {
      NichiroTimelineView view = get_view (self);
      double x = view_x (&view, get_item (self, self->selected)->start + 0.5);

      if (x >= 0 && x <= width)
        return x;
    }

  return width / 2;
}

static gboolean
zoom_in_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  zoom_around (self, ZOOM_STEP, keyboard_anchor (self), TRUE);
  return TRUE;
}

static gboolean
zoom_out_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  zoom_around (self, 1 / ZOOM_STEP, keyboard_anchor (self), TRUE);
  return TRUE;
}

static void
zoom_fit (NichiroTimelineCanvas *self)
{
  double start, end;

  if (self->model == NULL)
    return;

  fit_range (self, &start, &end);
  animate_range (self, start, end);
}

static gboolean
zoom_fit_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  zoom_fit (NICHIRO_TIMELINE_CANVAS (widget));
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  if (self->model == NULL)
    return FALSE;

  if (self->focus_cluster >= 0)
    {
      activate_cluster (self, self->focus_cluster);
      return TRUE;
    }

  if (self->selected >= 0)
    {
      g_signal_emit (self, canvas_signals[ENTRY_ACTIVATED], 0, get_item (self, self->selected)->entry);
      return TRUE;
    }

  return FALSE;
}

static gboolean
clear_cursor_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  /* Escape goes on to the window when there is nothing to clear. */
  if (self->session == NULL || nichiro_session_get_cursor (self->session) == 0)
    return FALSE;

  nichiro_session_set_cursor (self->session, 0);
  return TRUE;
}

/* Moves the cursor by one step of the axis: a day, a month, a year… */
static gboolean
step_cursor (NichiroTimelineCanvas *self,
             int                    direction)
{
  NichiroTimelineView view;
  gint64 cursor;
  double days, x, width = canvas_width (self);

  if (self->session == NULL || self->model == NULL)
    return FALSE;

  if (is_rtl (self))
    direction = -direction;

  view = get_view (self);
  cursor = nichiro_session_get_cursor (self->session);

  if (cursor == 0)
    {
      /* It starts on the selection when that is in view, else mid-view. */
      double anchor = keyboard_anchor (self);

      cursor = (gint64) floor (view.start + anchor / view.scale);
    }
  else
    {
      NichiroDate date = nichiro_date_from_julian_day (cursor);
      int step;

      ensure_text (self);
      days = nichiro_timeline_unit_get_days (nichiro_timeline_choose_unit (view.scale, LABEL_MIN_GAP, axis_measure_cb, self));

      if (days < 28)
        {
          cursor += direction * (gint64) MAX (1, round (days));
        }
      else
        {
          int year = date.year, month = date.month;

          step = days < 365 ? (int) round (days / 30.436875) : 12 * (int) round (days / 365.2425);
          month += direction * step;
          year += (month - 1 >= 0 ? (month - 1) / 12 : -((12 - month) / 12));
          month = ((month - 1) % 12 + 12) % 12 + 1;
          if (year < 1 || year > 9999)
            return TRUE;
          date = nichiro_date_make (year, month, MIN (date.day, nichiro_date_days_in_month (year, month, FALSE)));
          cursor = nichiro_date_to_julian_day (&date);
        }
    }

  nichiro_session_set_cursor (self->session, MAX (cursor, 1));

  /* Keep it in view. */
  x = view_x (&view, cursor + 0.5);
  if (x < 0 || x > width)
    {
      double span = width / view.scale;
      double start = cursor + 0.5 - span / 2;

      set_range (self, start, start + span);
    }

  return TRUE;
}

static gboolean
cursor_previous_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  return step_cursor (NICHIRO_TIMELINE_CANVAS (widget), -1);
}

static gboolean
cursor_next_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return step_cursor (NICHIRO_TIMELINE_CANVAS (widget), 1);
}

static gboolean
page_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  int direction = g_variant_get_int32 (args);
  double start, end, shift;

  if (self->model == NULL)
    return FALSE;

  get_range (self, &start, &end);
  shift = (end - start) * 0.8 * direction;
  animate_range (self, start + shift, end + shift);
  return TRUE;
}

/* Vfuncs: the canvas */

static void
nichiro_timeline_canvas_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 800;
    }
  else
    {
      ensure_text (self);
      /* Three lanes at the least, seven when there is room. */
      *minimum = MAX (180, (int) ceil (self->header_height + self->axis_height + 3 * self->lane_height + 2));
      *natural = (int) ceil (self->header_height + self->axis_height + 7 * self->lane_height + 2);
    }
}

static void
nichiro_timeline_canvas_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  ensure_text (self);
  self->n_lanes = count_lanes (self);
  ensure_session_range (self);

  if (self->cluster_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->cluster_popover));
}

static void
nichiro_timeline_canvas_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  double width = canvas_width (self);
  double height = gtk_widget_get_height (widget);
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  g_autoptr(NichiroTimelineTicks) ticks = NULL;
  guint n_item_lanes;

  if (self->model == NULL)
    return;

  view = get_view (self);
  layout = current_layout (self, &view);
  n_item_lanes = nichiro_timeline_layout_get_n_item_lanes (layout);
  read_colors (self);
  ticks = nichiro_timeline_ticks_new (&view, width, LABEL_MIN_GAP, axis_measure_cb, self);

  self->mirror_width = is_rtl (self) ? width : 0;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw_eras (self, snapshot, &view, width);
  draw_grid (self, snapshot, ticks);

  for (guint lane = 0; lane < n_item_lanes; lane++)
    {
      guint n, first, end;
      const guint *items = nichiro_timeline_layout_get_lane_items (layout, lane, &n);
      double top = lanes_top (self) + lane * self->lane_height;

      nichiro_timeline_layout_find_visible (layout, lane, &view, width, &first, &end);
      for (guint i = first; i < end; i++)
        draw_item (self, snapshot, items[i], &view, top);
    }

  if (n_item_lanes < nichiro_timeline_layout_get_n_lanes (layout))
    {
      guint first, end;
      double top = lanes_top (self) + n_item_lanes * self->lane_height;

      nichiro_timeline_layout_find_visible (layout, n_item_lanes, &view, width, &first, &end);
      for (guint i = first; i < end; i++)
        draw_cluster (self, snapshot, layout, i, &view, top);
    }

  draw_axis (self, snapshot, ticks, width);
  draw_era_labels (self, snapshot, &view, width);
  draw_cursor (self, snapshot, &view, width);

  if (gtk_widget_has_visible_focus (widget))
    draw_focus (self, snapshot, layout, &view, width);

  gtk_snapshot_pop (snapshot);
}

static gboolean
nichiro_timeline_canvas_query_tooltip (GtkWidget  *widget,
                                       int         x,
                                       int         y,
                                       gboolean    keyboard_mode,
                                       GtkTooltip *tooltip)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  guint index, lane;
  g_autofree char *markup = NULL;
  double x0, x1;
  GdkRectangle area;

  if (self->model == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      if (self->selected < 0)
        return FALSE;
      markup = g_markup_printf_escaped ("%s", get_item (self, self->selected)->title);
      gtk_tooltip_set_markup (tooltip, markup);
      return TRUE;
    }

  view = get_view (self);
  layout = current_layout (self, &view);

  /* Over the era names: every era at that time, named in full, with its
   * years. */
  if (y < self->header_height)
    {
      double time = view.start + logical_x (self, x) / view.scale;
      guint n_eras;
      const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (self->model, &n_eras);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < n_eras; i++)
        {
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          if (time < eras[i].start || time >= eras[i].end)
            continue;
          format_span (eras[i].start, eras[i].end, &from, &to);
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "%s (%s – %s)", eras[i].era->name.en, from, to);
        }

      if (text->len == 0)
        return FALSE;
      gtk_tooltip_set_text (tooltip, text->str);
      return TRUE;
    }

  if (!lane_at (self, layout, y, &lane))
    return FALSE;

  switch (nichiro_timeline_layout_hit (layout, lane, &view, logical_x (self, x), &index))
    {
    case NICHIRO_TIMELINE_HIT_ITEM:
      {
        const NichiroTimelineItem *item = get_item (self, index);
        NichiroTimelineGeometry g;
        g_autofree char *dates = nichiro_entry_dup_date_span (item->entry);

        markup = g_markup_printf_escaped ("<b>%s</b>\n%s · %s",
                                          item->title,
                                          nichiro_entry_kind_get_label (nichiro_entry_get_kind (item->entry)),
                                          dates);
        nichiro_timeline_item_get_geometry (item, &self->metrics, &view, &g);
        x0 = g.x0;
        x1 = g.x1;
      }
      break;

    case NICHIRO_TIMELINE_HIT_CLUSTER:
      {
        guint n_clusters;
        const NichiroTimelineCluster *cluster = &nichiro_timeline_layout_get_clusters (layout, &n_clusters)[index];
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;
        g_autofree char *count = NULL;

        format_span (cluster->start, cluster->end, &from, &to);
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more entry", "%u more entries", cluster->n_members),
                                 cluster->n_members);
        markup = g_markup_printf_escaped ("<b>%s</b>\n%s – %s\n%s", count, from, to, _("Click to zoom in"));
        nichiro_timeline_layout_get_cluster_geometry (layout, index, &view, &x0, &x1);
      }
      break;

    case NICHIRO_TIMELINE_HIT_NONE:
    default:
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, markup);
  area.x = (int) (is_rtl (self) ? canvas_width (self) - x1 : x0);
  area.y = (int) (lanes_top (self) + lane * self->lane_height);
  area.width = (int) (x1 - x0);
  area.height = (int) self->lane_height;
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
nichiro_timeline_canvas_css_changed (GtkWidget         *widget,
                                     GtkCssStyleChange *change)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  g_autofree char *key = NULL;

  GTK_WIDGET_CLASS (nichiro_timeline_canvas_parent_class)->css_changed (widget, change);

  /* Focus, focus-visible, hover and the colours change the style: draw
   * again. Only a new font lays out again. */
  key = dup_font_key (self);
  if (self->measure_layout != NULL && g_strcmp0 (key, self->font_key) != 0)
    {
      self->fonts_may_have_changed = TRUE;
      gtk_widget_queue_resize (widget);
    }
  else
    {
      gtk_widget_queue_draw (widget);
    }
}

static void
nichiro_timeline_canvas_direction_changed (GtkWidget        *widget,
                                           GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static gboolean
nichiro_timeline_canvas_focus (GtkWidget        *widget,
                               GtkDirectionType  direction)
{
  /* One stop in the focus chain: the arrows move within. */
  if (gtk_widget_is_focus (widget))
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
nichiro_timeline_canvas_dispose (GObject *object)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (object);

  canvas_set_session (self, NULL);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (self->animation != NULL)
    {
      adw_animation_reset (self->animation);
      g_clear_object (&self->animation);
    }
  g_clear_pointer (&self->cluster_popover, gtk_widget_unparent);
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->parts[i], gtk_widget_unparent);

  G_OBJECT_CLASS (nichiro_timeline_canvas_parent_class)->dispose (object);
}

static void
nichiro_timeline_canvas_finalize (GObject *object)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (object);

  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->text_layouts[i], g_hash_table_unref);
  g_clear_pointer (&self->item_layouts, g_hash_table_unref);
  g_clear_pointer (&self->wide_char_widths, g_hash_table_unref);
  g_clear_pointer (&self->era_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_free);
  g_clear_pointer (&self->font_key, g_free);
  g_clear_object (&self->measure_layout);

  G_OBJECT_CLASS (nichiro_timeline_canvas_parent_class)->finalize (object);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  modifiers,
             GtkShortcutFunc  callback)
{
  gtk_widget_class_add_binding (widget_class, keyval, modifiers, callback, NULL);
}

static void
nichiro_timeline_canvas_class_init (NichiroTimelineCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_timeline_canvas_dispose;
  object_class->finalize = nichiro_timeline_canvas_finalize;

  widget_class->measure = nichiro_timeline_canvas_measure;
  widget_class->size_allocate = nichiro_timeline_canvas_size_allocate;
  widget_class->snapshot = nichiro_timeline_canvas_snapshot;
  widget_class->query_tooltip = nichiro_timeline_canvas_query_tooltip;
  widget_class->css_changed = nichiro_timeline_canvas_css_changed;
  widget_class->direction_changed = nichiro_timeline_canvas_direction_changed;
  widget_class->focus = nichiro_timeline_canvas_focus;

  /**
   * NichiroTimelineCanvas::entry-activated:
   * @entry: the selected entry
   *
   * Enter was pressed on the selection.
   */
  canvas_signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NICHIRO_TYPE_ENTRY);

  add_binding (widget_class, GDK_KEY_Left, 0, previous_cb);
  add_binding (widget_class, GDK_KEY_KP_Left, 0, previous_cb);
  add_binding (widget_class, GDK_KEY_Right, 0, next_cb);
  add_binding (widget_class, GDK_KEY_KP_Right, 0, next_cb);
  add_binding (widget_class, GDK_KEY_Up, 0, up_cb);
  add_binding (widget_class, GDK_KEY_KP_Up, 0, up_cb);
  add_binding (widget_class, GDK_KEY_Down, 0, down_cb);
  add_binding (widget_class, GDK_KEY_KP_Down, 0, down_cb);
  add_binding (widget_class, GDK_KEY_Home, 0, home_cb);
  add_binding (widget_class, GDK_KEY_KP_Home, 0, home_cb);
  add_binding (widget_class, GDK_KEY_End, 0, end_cb);
  add_binding (widget_class, GDK_KEY_KP_End, 0, end_cb);
  add_binding (widget_class, GDK_KEY_plus, 0, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_equal, 0, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_minus, 0, zoom_out_cb);
  add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_out_cb);
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, zoom_out_cb);
  add_binding (widget_class, GDK_KEY_0, 0, zoom_fit_cb);
  add_binding (widget_class, GDK_KEY_KP_0, 0, zoom_fit_cb);
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, zoom_fit_cb);
  add_binding (widget_class, GDK_KEY_Return, 0, activate_cb);
  add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb);
  add_binding (widget_class, GDK_KEY_space, 0, activate_cb);
  add_binding (widget_class, GDK_KEY_Escape, 0, clear_cursor_cb);
  add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, cursor_previous_cb);
  add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, cursor_next_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, page_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, page_cb, "i", 1);

  gtk_widget_class_set_css_name (widget_class, "canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
nichiro_timeline_canvas_init (NichiroTimelineCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->selected = -1;
  self->hover_item = -1;
  self->hover_cluster = -1;
  self->focus_cluster = -1;
  self->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) nichiro_timeline_layout_unref);
  self->item_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->wide_char_widths = g_hash_table_new (NULL, NULL);
  self->era_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->char_widths); i++)
    self->char_widths[i] = -1;

  for (guint i = 0; i < N_PARTS; i++)
    {
      const char *classes[] = { part_nodes[i].css_class, NULL };

      self->parts[i] = g_object_new (NICHIRO_TYPE_TIMELINE_PART,
                                     "css-name", part_nodes[i].css_name,
                                     "css-classes", part_nodes[i].css_class ? classes : NULL,
                                     NULL);
      gtk_widget_set_parent (self->parts[i], widget);
      /* Styled, never allocated or drawn. */
      gtk_widget_set_child_visible (self->parts[i], FALSE);
    }

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (zoom, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);

  update_accessible (self);
}

/* New titles: new label widths, so new layouts. */
static void
title_language_changed_cb (NichiroTimelineCanvas *self)
{
  nichiro_timeline_model_set_title_language (self->model, nichiro_session_get_title_language (self->session));
  g_hash_table_remove_all (self->item_layouts);
  if (self->measure_layout != NULL)
    nichiro_timeline_model_measure (self->model, label_measure_cb, era_measure_cb, self);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_ptr_array_set_size (self->layouts, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
canvas_set_session (NichiroTimelineCanvas *self,
                    NichiroSession        *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_set_object (&self->session, session);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_ptr_array_set_size (self->layouts, 0);
  g_hash_table_remove_all (self->item_layouts);
  g_ptr_array_set_size (self->era_layouts, 0);
  g_clear_pointer (&self->model, nichiro_timeline_model_unref);
  g_clear_pointer (&self->matches, g_free);
  self->selected = -1;
  self->focus_cluster = -1;
  self->hover_item = -1;
  self->hover_cluster = -1;

  if (session != NULL)
    {
      self->model = nichiro_timeline_model_new (nichiro_session_get_dataset (session));
      nichiro_timeline_model_set_title_language (self->model, nichiro_session_get_title_language (session));
      if (self->measure_layout != NULL)
        nichiro_timeline_model_measure (self->model, label_measure_cb, era_measure_cb, self);

      g_signal_connect_object (session, "notify::visible-start", G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::visible-end", G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected", G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "results-changed", G_CALLBACK (results_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::cursor", G_CALLBACK (cursor_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::title-language", G_CALLBACK (title_language_changed_cb), self, G_CONNECT_SWAPPED);
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
        ensure_session_range (self);
      selected_changed_cb (self);
      results_changed_cb (self);
    }

  /* Only what is drawn changes: the size asked for depends on the fonts. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* NichiroTimeline: helpers */

static void
append_bold (GString    *markup,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (markup, "<b>%s</b>", escaped);
}

/* The bar under the axis that lists what was in force on the cursor's
 * day. It sits below the canvas rather than over it, so it never hides an
 * entry. */
static void
update_in_force (NichiroTimeline *self)
{
  gint64 cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  NichiroTimelineModel *model = self->canvas->model;
  g_autoptr(GPtrArray) in_force = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autofree char *day_text = NULL;
  g_autofree char *heading = NULL;
  NichiroDate day;

  gtk_revealer_set_reveal_child (self->in_force_revealer, cursor != 0 && model != NULL);
  if (cursor == 0 || model == NULL)
    return;

  day = nichiro_date_from_julian_day (cursor);
  day_text = nichiro_date_format (&day);
  in_force = nichiro_timeline_model_in_force (model, cursor);

  if (in_force->len == 0)
    {
      /* Translators: %s is a date */
      heading = g_strdup_printf (_("Nothing in force on %s"), day_text);
      append_bold (markup, heading);
    }
  else
    {
      /* Translators: %s is a date; a list of treaties follows */
      heading = g_strdup_printf (_("In force on %s:"), day_text);
      append_bold (markup, heading);
      g_string_append_c (markup, ' ');

      /* The latest first: what was concluded nearest the day is what the
       * reader is after, and the bar shows only its first lines. */
      for (guint i = 0; i < in_force->len; i++)
        {
          const char *title = nichiro_session_get_title (self->session, g_ptr_array_index (in_force, in_force->len - 1 - i));
          g_autofree char *escaped = g_markup_escape_text (title, -1);

          if (i > 0)
            {
              /* Translators: between the titles of a list */
              g_string_append (markup, _(", "));
              g_string_append_c (tooltip, '\n');
            }
          g_string_append (markup, escaped);
          g_string_append (tooltip, title);
        }
    }

  gtk_label_set_markup (self->in_force_label, markup->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->in_force_label), tooltip->len > 0 ? tooltip->str : NULL);
}

/* The list lives in date order, the canvas model's, and is filled the
 * first time it is shown. */
static void
fill_list (NichiroTimeline *self)
{
  NichiroTimelineModel *model = self->canvas->model;
  g_autoptr(GPtrArray) entries = NULL;
  guint n_items;

  if (model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list_store)) > 0)
    return;

  n_items = nichiro_timeline_model_get_n_items (model);
  entries = g_ptr_array_sized_new (n_items);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (entries, nichiro_timeline_model_get_item (model, i)->entry);

  g_list_store_splice (self->list_store, 0, 0, entries->pdata, entries->len);
}

/* The list scrolls to the selection once it has been laid out: a list
 * just shown has no rows to scroll by yet. */
static gboolean
scroll_list_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (user_data);
  guint index = gtk_single_selection_get_selected (self->list_selection);

  if (index != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (widget, "list.scroll-to-item", "u", index);

  return G_SOURCE_REMOVE;
}

static void
scroll_list_later (NichiroTimeline *self)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_list_cb, self, NULL);
}

static void
sync_list_selection (NichiroTimeline *self)
{
  NichiroEntry *selected = self->session ? nichiro_session_get_selected (self->session) : NULL;
  guint index;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list_store)) == 0)
    return;

  if (selected != NULL && nichiro_timeline_model_find (self->canvas->model, selected, &index))
    {
      if (gtk_single_selection_get_selected (self->list_selection) != index)
        gtk_single_selection_set_selected (self->list_selection, index);
      if (self->show_list)
        scroll_list_later (self);
    }
  else
    {
      gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
    }
}

/* NichiroTimeline: callbacks */

static void
entry_activated_cb (NichiroTimeline *self,
                    NichiroEntry    *entry)
{
  g_signal_emit (self, timeline_signals[TIMELINE_ENTRY_ACTIVATED], 0, entry);
}

static void
list_activate_cb (NichiroTimeline *self,
                  guint            position)
{
  g_autoptr(NichiroEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->list_store), position);

  if (entry == NULL || self->session == NULL)
    return;

  nichiro_session_set_selected (self->session, entry);
  g_signal_emit (self, timeline_signals[TIMELINE_ENTRY_ACTIVATED], 0, entry);
}

static void
list_selected_cb (NichiroTimeline *self)
{
  NichiroEntry *entry = gtk_single_selection_get_selected_item (self->list_selection);

  if (entry != NULL && self->session != NULL)
    nichiro_session_set_selected (self->session, entry);
}

static void
session_selected_cb (NichiroTimeline *self)
{
  sync_list_selection (self);
}

static void
session_cursor_cb (NichiroTimeline *self)
{
  update_in_force (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nichiro_timeline_zoom_in (NICHIRO_TIMELINE (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nichiro_timeline_zoom_out (NICHIRO_TIMELINE (widget));
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nichiro_timeline_zoom_fit (NICHIRO_TIMELINE (widget));
}

static void
clear_cursor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (widget);

  if (self->session != NULL)
    nichiro_session_set_cursor (self->session, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* NichiroTimeline: vfuncs */

static void
nichiro_timeline_dispose (GObject *object)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (object);

  nichiro_timeline_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_TIMELINE);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->list_store);

  G_OBJECT_CLASS (nichiro_timeline_parent_class)->dispose (object);
}

static void
nichiro_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SHOW_LIST:
      g_value_set_boolean (value, self->show_list);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_timeline_set_session (self, g_value_get_object (value));
      break;

    case PROP_SHOW_LIST:
      nichiro_timeline_set_show_list (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_timeline_class_init (NichiroTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_timeline_dispose;
  object_class->get_property = nichiro_timeline_get_property;
  object_class->set_property = nichiro_timeline_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroTimeline:show-list:
   *
   * Whether the entries are shown as a list in date order instead of
   * drawn on the axis; Ctrl+L and the `timeline.show-list` action toggle it.
   */
  properties[PROP_SHOW_LIST] =
    g_param_spec_boolean ("show-list", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroTimeline::entry-activated:
   * @entry: the entry
   *
   * Enter was pressed on the selected entry, or a row of the list was
   * activated; the window may move the focus to the details.
   */
  timeline_signals[TIMELINE_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NICHIRO_TYPE_ENTRY);

  g_type_ensure (NICHIRO_TYPE_TIMELINE_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, canvas);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, in_force_revealer);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, in_force_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroTimeline, list_view);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "timeline.show-list", "show-list");
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-cursor", NULL, clear_cursor_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "timeline.show-list", NULL);

  gtk_widget_class_set_css_name (widget_class, "nichiro-timeline");
}

static void
nichiro_timeline_init (NichiroTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list_store = g_list_store_new (NICHIRO_TYPE_ENTRY);
  self->list_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list_store)));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
  g_signal_connect_object (self->list_selection, "notify::selected",
                           G_CALLBACK (list_selected_cb), self, G_CONNECT_SWAPPED);
}

/* NichiroTimeline: public API */

/**
 * nichiro_timeline_new:
 *
 * Returns: (transfer floating): a timeline with no session yet
 */
GtkWidget *
nichiro_timeline_new (void)
{
  return g_object_new (NICHIRO_TYPE_TIMELINE, NULL);
}

/**
 * nichiro_timeline_get_session:
 * @self: a timeline
 *
 * Returns: (transfer none) (nullable): the session it shows
 */
NichiroSession *
nichiro_timeline_get_session (NichiroTimeline *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), NULL);

  return self->session;
}

/**
 * nichiro_timeline_set_session:
 * @self: a timeline
 * @session: (nullable): the session to show and write to
 *
 * The timeline shows @session's dataset, selection, search matches,
 * visible range (#NichiroSession:visible-start, #NichiroSession:visible-end)
 * and date cursor (#NichiroSession:cursor), and writes to them as the
 * reader clicks, drags, zooms and types. When the session has no visible
 * range yet, the timeline shows everything and stores that.
 */
void
nichiro_timeline_set_session (NichiroTimeline *self,
                              NichiroSession  *session)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));
  g_return_if_fail (session == NULL || NICHIRO_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  if (self->canvas != NULL)
    canvas_set_session (self->canvas, session);
  if (self->list_store != NULL)
    g_list_store_remove_all (self->list_store);
  if (self->list_view != NULL)
    {
      g_autoptr(GtkListItemFactory) factory = session ? nichiro_entry_row_create_factory (session) : NULL;

      gtk_list_view_set_factory (self->list_view, factory);
    }

  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::selected", G_CALLBACK (session_selected_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::cursor", G_CALLBACK (session_cursor_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::title-language", G_CALLBACK (update_in_force), self, G_CONNECT_SWAPPED);
      if (self->show_list)
        {
          fill_list (self);
          sync_list_selection (self);
        }
    }

  if (self->in_force_revealer != NULL)
    update_in_force (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
nichiro_timeline_get_show_list (NichiroTimeline *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), FALSE);

  return self->show_list;
}

/**
 * nichiro_timeline_set_show_list:
 * @self: a timeline
 * @show_list: whether to show the entries as a list
 *
 * Shows the same entries as a list in date order, with the same selection,
 * or the drawn timeline again. The focus follows when it was inside.
 */
void
nichiro_timeline_set_show_list (NichiroTimeline *self,
                                gboolean         show_list)
{
  GtkRoot *root;
  GtkWidget *focus;
  gboolean had_focus;

  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  show_list = !!show_list;
  if (self->show_list == show_list)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
  self->show_list = show_list;

  if (show_list)
    {
      fill_list (self);
      sync_list_selection (self);
    }

  gtk_stack_set_visible_child_name (self->stack, show_list ? "list" : "canvas");
  if (had_focus)
    gtk_widget_grab_focus (show_list ? GTK_WIDGET (self->list_view) : GTK_WIDGET (self->canvas));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LIST]);
}

/**
 * nichiro_timeline_zoom_in:
 * @self: a timeline
 *
 * Zooms in around the selection when it is in view, else the middle.
 */
void
nichiro_timeline_zoom_in (NichiroTimeline *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  zoom_in_cb (GTK_WIDGET (self->canvas), NULL, NULL);
}

void
nichiro_timeline_zoom_out (NichiroTimeline *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  zoom_out_cb (GTK_WIDGET (self->canvas), NULL, NULL);
}

/**
 * nichiro_timeline_zoom_fit:
 * @self: a timeline
 *
 * Shows every entry and era.
 */
void
nichiro_timeline_zoom_fit (NichiroTimeline *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));

  zoom_fit (self->canvas);
}

/**
 * nichiro_timeline_zoom_to:
 * @self: a timeline
 * @start: a Julian day
 * @end: a later Julian day
 *
 * Shows the time from @start to @end, within the zoom limits (ten days to
 * half as much again as the whole dataset).
 */
void
nichiro_timeline_zoom_to (NichiroTimeline *self,
                          double           start,
                          double           end)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE (self));
  g_return_if_fail (end > start);

  animate_range (self->canvas, start, end);
}

/**
 * nichiro_timeline_get_entry_area:
 * @self: a timeline
 * @entry: an entry
 * @out_area: (out): where it is drawn, marker and label, in the canvas's
 *   coordinates (nichiro_timeline_get_canvas())
 *
 * Says where @entry is on screen, to point a popover at it, say.
 *
 * Returns: %FALSE if @entry is out of view, in a cluster, or not shown
 */
gboolean
nichiro_timeline_get_entry_area (NichiroTimeline *self,
                                 NichiroEntry    *entry,
                                 GdkRectangle    *out_area)
{
  NichiroTimelineCanvas *canvas;
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  NichiroTimelineGeometry g;
  double width;
  guint index;
  int lane;

  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (out_area != NULL, FALSE);

  canvas = self->canvas;
  if (canvas->model == NULL || !gtk_widget_get_mapped (GTK_WIDGET (canvas)) ||
      !nichiro_timeline_model_find (canvas->model, entry, &index))
    return FALSE;

  width = canvas_width (canvas);
  view = get_view (canvas);
  layout = current_layout (canvas, &view);
  lane = nichiro_timeline_layout_get_lane (layout, index);
  if (lane < 0)
    return FALSE;

  nichiro_timeline_item_get_geometry (get_item (canvas, index), &canvas->metrics, &view, &g);
  if (g.x1 < 0 || g.x0 > width)
    return FALSE;

  out_area->x = (int) floor (is_rtl (canvas) ? width - g.x1 : g.x0);
  out_area->y = (int) floor (lanes_top (canvas) + lane * canvas->lane_height + 2);
  out_area->width = (int) ceil (g.x1 - g.x0);
  out_area->height = (int) ceil (canvas->text_height + 2);
  return TRUE;
}

/**
 * nichiro_timeline_get_canvas:
 * @self: a timeline
 *
 * For tests and benchmarks: the widget that draws the timeline and takes
 * its keys.
 *
 * Returns: (transfer none): the canvas
 */
GtkWidget *
nichiro_timeline_get_canvas (NichiroTimeline *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE (self), NULL);

  return GTK_WIDGET (self->canvas);
}

/* nichiro-search-help.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search-help"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-search-help.h"

#include <string.h>

/* The search entry's help: the query language by example, each example a
 * button that searches for it; the reader's recent searches; and filters
 * made from the dataset's own values (its kinds of entries, parties,
 * threads and the parts' periods), each a button that adds itself to the
 * query. The window makes it when the reader first opens it. */

struct _NichiroSearchHelp
{
  GtkPopover parent_instance;

  NichiroSession *session;
  GSettings *settings;

  /* Template widgets */
  GtkGrid *examples;
  GtkWidget *recent_box;
  GtkFlowBox *recent;
  GtkBox *filters;
};

G_DEFINE_FINAL_TYPE (NichiroSearchHelp, nichiro_search_help, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The examples are queries, the same in every language; what they do is
 * translated. */
static const struct
{
  const char *query;
  const char *description;
} examples[] = {
  { "portsm", N_("a word, or how it begins; misspelt, too") },
  { "Портсмутского договора", N_("a Russian word in any of its cases") },
  { "1905", N_("what happened in a year, treaties first") },
  { "\"basic convention\"", N_("words side by side, in this order") },
  { "sakhalin -war", N_("without a word") },
  { "yalta OR potsdam", N_("either word") },
  { "year:1904..1925", N_("between two years") },
  { "kind:instrument", N_("written instruments only: treaties, agreements, conventions, protocols, "
                          "declarations and pacts") },
  { "signer:witte", N_("signed by someone") },
  { "place:moscow", N_("signed or held at a place") },
  { "in:articles habomai", N_("only in the key articles; or in:title, in:summary, in:notes") },
  { "is:noted", N_("with your note; or is:studied, is:unstudied, is:bookmarked") },
};

static void
search_for (NichiroSearchHelp *self,
            const char        *query)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.search-for", "s", query);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
example_clicked_cb (NichiroSearchHelp *self,
                    GtkButton         *button)
{
  search_for (self, g_object_get_data (G_OBJECT (button), "query"));
}

/* Whether @query has @term as a word of its own. */
static gboolean
has_term (const char *query,
          const char *term)
{
  gsize length = strlen (term);

  for (const char *found = strstr (query, term); found != NULL; found = strstr (found + 1, term))
    if ((found == query || found[-1] == ' ') && (found[length] == '\0' || found[length] == ' '))
      return TRUE;

  return FALSE;
}

static void
filter_clicked_cb (NichiroSearchHelp *self,
                   GtkButton         *button)
{
  const char *term = g_object_get_data (G_OBJECT (button), "query");
  g_autofree char *query = g_strstrip (g_strdup (nichiro_session_get_query (self->session)));
  g_autofree char *narrower = NULL;

  if (has_term (query, term))
    narrower = g_strdup (query);
  else if (query[0] == '\0')
    narrower = g_strdup (term);
  else
    narrower = g_strdup_printf ("%s %s", query, term);

  search_for (self, narrower);
}

static GtkWidget *
new_chip (NichiroSearchHelp *self,
          const char        *label,
          const char        *query,
          const char        *tooltip,
          GCallback          clicked)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new (label);

  /* Long names ("Union of Soviet Socialist Republics") are cut short, and
   * told whole in the tooltip and to screen readers. */
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 22);
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "nichiro-chip");
  if (g_strcmp0 (label, tooltip) != 0 && strstr (tooltip, label) == NULL)
    {
      g_autofree char *full = g_strdup_printf ("%s (%s)", label, tooltip);

      gtk_widget_set_tooltip_text (button, full);
    }
  else
    {
      gtk_widget_set_tooltip_text (button, tooltip);
    }
  g_object_set_data_full (G_OBJECT (button), "query", g_strdup (query), g_free);
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);

  return button;
}

static GtkFlowBox *
add_filter_section (NichiroSearchHelp *self,
                    const char        *heading)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  /* A flow box is as wide as a line of its children: few a line keep
   * the popover narrow, and the lines wrap. */
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  gtk_box_append (self->filters, label);
  gtk_box_append (self->filters, flow);

  return GTK_FLOW_BOX (flow);
}

static void
add_filter (NichiroSearchHelp *self,
            GtkFlowBox        *flow,
            const char        *label,
            const char        *query)
{
  gtk_flow_box_append (flow, new_chip (self, label, query, query, G_CALLBACK (filter_clicked_cb)));
}

static void
build_examples (NichiroSearchHelp *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (examples[i].query);
      GtkWidget *description = gtk_label_new (_(examples[i].description));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "nichiro-search-example");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Search for this"));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      description, NULL, -1);
      g_object_set_data_full (G_OBJECT (button), "query", g_strdup (examples[i].query), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (example_clicked_cb), self, G_CONNECT_SWAPPED);

      gtk_label_set_xalign (GTK_LABEL (description), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 30);
      gtk_widget_set_hexpand (description, TRUE);
      gtk_widget_add_css_class (description, "dim-label");

      gtk_grid_attach (self->examples, button, 0, i, 1, 1);
      gtk_grid_attach (self->examples, description, 1, i, 1, 1);
    }
}

/* The dataset's own values: what kind:, party:, thread: and year: take. */
static void
build_filters (NichiroSearchHelp *self)
{
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);
  NichiroLanguage language = nichiro_language_get_interface ();
  GListModel *entries = nichiro_dataset_get_entries (dataset);
  gboolean has_kind[NICHIRO_N_ENTRY_KINDS] = { FALSE, };
  gboolean has_instrument = FALSE;
  const NichiroState *states;
  const NichiroThread *threads;
  const NichiroPart *parts;
  GtkFlowBox *flow;
  guint n;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      has_kind[nichiro_entry_get_kind (entry)] = TRUE;
      has_instrument |= nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry));
    }

  flow = add_filter_section (self, _("Kind"));
  if (has_instrument)
    add_filter (self, flow, _("Any written instrument"), "kind:instrument");
  for (NichiroEntryKind kind = 0; kind < NICHIRO_N_ENTRY_KINDS; kind++)
    {
      g_autofree char *query = NULL;

      if (!has_kind[kind])
        continue;
      query = g_strconcat ("kind:", nichiro_entry_kind_to_string (kind), NULL);
      add_filter (self, flow, nichiro_entry_kind_get_label (kind), query);
    }

  states = nichiro_dataset_get_states (dataset, &n);
  if (n > 0)
    flow = add_filter_section (self, _("Parties"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *query = g_strconcat ("party:", states[i].id, NULL);

      add_filter (self, flow, nichiro_state_get_name (&states[i], language), query);
    }

  threads = nichiro_dataset_get_threads (dataset, &n);
  if (n > 0)
    flow = add_filter_section (self, _("Threads"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *query = g_strconcat ("thread:", threads[i].id, NULL);

      add_filter (self, flow, nichiro_thread_get_name (&threads[i], language), query);
    }

  /* The chapter's parts, by their years. */
  parts = nichiro_dataset_get_parts (dataset, &n);
  if (n > 0)
    flow = add_filter_section (self, _("Period"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *query = g_strdup_printf ("year:%d..%d", parts[i].start.year, parts[i].end.year);
      g_autofree char *start = g_strdup_printf ("%d", parts[i].start.year);
      g_autofree char *end = g_strdup_printf ("%d", parts[i].end.year);
      /* Translators: the years a part of the chapter covers */
      g_autofree char *label = g_strdup_printf (_("%s–%s"), start, end);
      g_autofree char *tooltip = g_strdup_printf ("%s (%s)", nichiro_part_get_title (&parts[i], language), query);
      GtkWidget *chip = new_chip (self, label, query, tooltip, G_CALLBACK (filter_clicked_cb));

      gtk_flow_box_append (flow, chip);
    }
}

static void
recent_changed_cb (NichiroSearchHelp *self)
{
  g_auto(GStrv) recent = self->settings ? g_settings_get_strv (self->settings, "recent-searches") : NULL;
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (self->recent, 0)) != NULL)
    gtk_flow_box_remove (self->recent, GTK_WIDGET (child));

  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    gtk_flow_box_append (self->recent, new_chip (self, recent[i], recent[i], _("Search for this"),
                                                 G_CALLBACK (example_clicked_cb)));

  gtk_widget_set_visible (self->recent_box, recent != NULL && recent[0] != NULL);
}

static void
clear_recent_cb (NichiroSearchHelp *self)
{
  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "recent-searches", NULL);
}

static void
nichiro_search_help_constructed (GObject *object)
{
  NichiroSearchHelp *self = (NichiroSearchHelp *)object;

  G_OBJECT_CLASS (nichiro_search_help_parent_class)->constructed (object);

  g_assert (NICHIRO_IS_SESSION (self->session));

  build_examples (self);
  build_filters (self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-searches",
                             G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  recent_changed_cb (self);
}

static void
nichiro_search_help_dispose (GObject *object)
{
  NichiroSearchHelp *self = (NichiroSearchHelp *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_SEARCH_HELP);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nichiro_search_help_parent_class)->dispose (object);
}

static void
nichiro_search_help_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NichiroSearchHelp *self = NICHIRO_SEARCH_HELP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_search_help_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NichiroSearchHelp *self = NICHIRO_SEARCH_HELP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_search_help_class_init (NichiroSearchHelpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nichiro_search_help_constructed;
  object_class->dispose = nichiro_search_help_dispose;
  object_class->get_property = nichiro_search_help_get_property;
  object_class->set_property = nichiro_search_help_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSearchHelp:settings:
   *
   * Where the recent searches are kept (the recent-searches key), or
   * %NULL to show none.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-search-help.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroSearchHelp, examples);
  gtk_widget_class_bind_template_child (widget_class, NichiroSearchHelp, recent_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroSearchHelp, recent);
  gtk_widget_class_bind_template_child (widget_class, NichiroSearchHelp, filters);
  gtk_widget_class_bind_template_callback (widget_class, clear_recent_cb);
}

static void
nichiro_search_help_init (NichiroSearchHelp *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nichiro_search_help_new:
 * @session: the session whose dataset gives the filters and whose query
 *   they narrow
 * @settings: (nullable): where the recent searches are kept
 *
 * Returns: (transfer full): a new search help popover
 */
GtkWidget *
nichiro_search_help_new (NichiroSession *session,
                         GSettings      *settings)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (session), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (NICHIRO_TYPE_SEARCH_HELP,
                       "session", session,
                       "settings", settings,
                       NULL);
}

NichiroSession *
nichiro_search_help_get_session (NichiroSearchHelp *self)
{
  g_return_val_if_fail (NICHIRO_IS_SEARCH_HELP (self), NULL);

  return self->session;
}

/**
 * nichiro_search_help_remember:
 * @settings: where the recent searches are kept
 * @query: a search the reader found something with
 *
 * Puts @query first among the recent searches, at most
 * %NICHIRO_SEARCH_HELP_MAX_RECENT of them, each once.
 */
void
nichiro_search_help_remember (GSettings  *settings,
                              const char *query)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) kept = NULL;
  guint n = 1;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (query != NULL);

  if (query[0] == '\0')
    return;

  recent = g_settings_get_strv (settings, "recent-searches");
  if (recent[0] != NULL && g_str_equal (recent[0], query))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, query);
  for (guint i = 0; recent[i] != NULL && n < NICHIRO_SEARCH_HELP_MAX_RECENT; i++)
    {
      if (g_str_equal (recent[i], query))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  kept = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-searches", (const char * const *) kept);
}

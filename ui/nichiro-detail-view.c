/* nichiro-detail-view.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-detail-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-detail-view.h"
#include "nichiro-study-panel.h"
#include "nichiro-ui-utils.h"

#include <string.h>

/* Links inside the view: this scheme selects another entry; http and https
 * open in the browser; anything else in a dataset is not followed. */
#define ENTRY_SCHEME "nichiro-entry:"
#define THREAD_SCHEME "nichiro-thread:"

struct _NichiroDetailView
{
  AdwBin parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkLabel *kind_label;
  GtkLabel *title_label;
  GtkLabel *second_title_label;
  GtkLabel *third_title_label;
  GtkLabel *dates_label;
  NichiroStudyPanel *study_panel;
  GtkBox *sections;
};

G_DEFINE_FINAL_TYPE (NichiroDetailView, nichiro_detail_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_language (GtkLabel   *label,
              const char *language)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  /* Han characters are drawn differently in Japanese and Chinese; telling
   * Pango the language picks the Japanese forms. */
  pango_attr_list_insert (attributes, pango_attr_language_new (pango_language_from_string (language)));
  gtk_label_set_attributes (label, attributes);
  pango_attr_list_unref (attributes);
}

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static gboolean
activate_link_cb (NichiroDetailView *self,
                  const char        *uri,
                  GtkLabel          *label)
{
  if (g_str_has_prefix (uri, ENTRY_SCHEME))
    {
      if (self->session != NULL)
        nichiro_session_select_id (self->session, uri + strlen (ENTRY_SCHEME));
      return TRUE;
    }

  if (g_str_has_prefix (uri, THREAD_SCHEME))
    {
      g_autofree char *query = g_strdup_printf ("thread:%s", uri + strlen (THREAD_SCHEME));

      gtk_widget_activate_action (GTK_WIDGET (self), "win.search-for", "s", query);
      return TRUE;
    }

  if (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://"))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
      g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

      gtk_uri_launcher_launch (launcher, window, NULL, NULL, NULL);
#else
      gtk_show_uri (window, uri, GDK_CURRENT_TIME);
#endif
    }

  return TRUE;
}

static GtkLabel *
new_body_label (NichiroDetailView *self,
                const char        *text,
                gboolean           use_markup)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0.0f);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (label, TRUE);
  if (use_markup)
    {
      gtk_label_set_markup (label, text);
      g_signal_connect_object (label, "activate-link", G_CALLBACK (activate_link_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_label_set_text (label, text);
    }

  return label;
}

static GtkBox *
add_section (NichiroDetailView *self,
             const char        *heading)
{
  GtkBox *section = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkWidget *heading_label = gtk_label_new (heading);

  gtk_label_set_xalign (GTK_LABEL (heading_label), 0.0f);
  gtk_widget_add_css_class (heading_label, "heading");
  gtk_box_append (section, heading_label);
  gtk_box_append (self->sections, GTK_WIDGET (section));

  return section;
}

static void
add_text_section (NichiroDetailView *self,
                  const char        *heading,
                  const char        *text)
{
  GtkBox *section;

  if (text == NULL || text[0] == '\0')
    return;

  section = add_section (self, heading);
  gtk_box_append (section, GTK_WIDGET (new_body_label (self, text, FALSE)));
}

static void
add_fact (NichiroDetailView *self,
          GtkGrid           *grid,
          int               *row,
          const char        *key,
          const char        *value)
{
  GtkWidget *key_label;

  if (value == NULL || value[0] == '\0')
    return;

  key_label = gtk_label_new (key);
  gtk_label_set_xalign (GTK_LABEL (key_label), 1.0f);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0.0f);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_grid_attach (grid, key_label, 0, *row, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (new_body_label (self, value, FALSE)), 1, *row, 1, 1);
  (*row)++;
}

/* Names of states, people, places, parts and threads follow the
 * interface's language; entry titles follow the title-language setting. */
static const char *
state_name (NichiroDataset *dataset,
            const char     *id)
{
  const NichiroState *state = nichiro_dataset_lookup_state (dataset, id);

  return state != NULL ? nichiro_state_get_name (state, nichiro_language_get_interface ()) : id;
}

static char *
state_names (NichiroDataset     *dataset,
             const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, state_name (dataset, ids[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Where, in words: the places on the map in the interface's language, or
 * the dataset's own words (English) in an English interface or without
 * places. */
static char *
place_text (NichiroDataset *dataset,
            NichiroEntry   *entry)
{
  NichiroLanguage language = nichiro_language_get_interface ();
  const char * const *ids = nichiro_entry_get_places (entry);
  g_autoptr(GString) text = g_string_new (NULL);

  if (language == NICHIRO_LANGUAGE_EN || ids == NULL || ids[0] == NULL)
    return g_strdup (nichiro_entry_get_place (entry));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const NichiroPlace *place = nichiro_dataset_lookup_place (dataset, ids[i]);

      if (place == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, nichiro_place_get_name (place, language));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE)
                       : g_strdup (nichiro_entry_get_place (entry));
}

/* The header gives the dates in brief; the facts give them in full, with
 * the Old Style reading where Russia's calendar applies and the era. */
static void
add_date_facts (NichiroDetailView *self,
                GtkGrid           *grid,
                int               *row,
                NichiroEntry      *entry)
{
  const NichiroDate *date = nichiro_entry_get_date (entry);
  const NichiroDate *end = nichiro_entry_get_end_date (entry);
  NichiroEraScript script = nichiro_date_get_era_script ();
  g_autofree char *start_text = nichiro_entry_format_date (date, nichiro_entry_get_date_old_style (entry), FALSE);
  g_autofree char *start_era = nichiro_entry_dup_japanese_era (entry, script);
  g_autofree char *end_era = NULL;

  if (nichiro_date_is_set (end) && nichiro_date_compare (date, end) != 0)
    {
      g_autofree char *end_text = nichiro_entry_format_date (end, nichiro_entry_get_end_date_old_style (entry), FALSE);

      add_fact (self, grid, row, _("Began"), start_text);
      add_fact (self, grid, row, _("Ended"), end_text);
      end_era = nichiro_date_format_japanese_era_in (end, script);
    }
  else
    {
      add_fact (self, grid, row,
                nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)) ? _("Signed") : _("Date"),
                start_text);
    }

  if (end_era != NULL && g_strcmp0 (start_era, end_era) != 0)
    {
      /* Translators: a span of Japanese era years, e.g. "Meiji 37 – Meiji 38" */
      g_autofree char *span = g_strdup_printf (_("%s – %s"), start_era, end_era);

      add_fact (self, grid, row, _("Japanese era"), span);
    }
  else
    {
      add_fact (self, grid, row, _("Japanese era"), start_era);
    }
}

static void
add_facts (NichiroDetailView *self,
           NichiroDataset    *dataset,
           NichiroEntry      *entry)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  NichiroLanguage language = nichiro_language_get_interface ();
  g_autofree char *parties = state_names (dataset, nichiro_entry_get_parties (entry));
  g_autofree char *place = place_text (dataset, entry);
  g_autoptr(GString) signers = g_string_new (NULL);
  const NichiroLifecycleStep *steps;
  const NichiroSignatory *signatories;
  const NichiroPart *part;
  int row = 0;
  guint n;

  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_row_spacing (grid, 6);

  add_date_facts (self, grid, &row, entry);

  steps = nichiro_entry_get_lifecycle (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = nichiro_entry_format_date (&steps[i].date, &steps[i].date_old_style, FALSE);
      g_autofree char *value = steps[i].note ? g_strdup_printf ("%s — %s", date, steps[i].note)
                                             : g_strdup (date);

      add_fact (self, grid, &row, nichiro_stage_get_label (steps[i].stage), value);
    }

  add_fact (self, grid, &row, _("Place"), place);
  add_fact (self, grid, &row, _("Parties"), parties);

  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      if (signers->len > 0)
        g_string_append_c (signers, '\n');
      g_string_append (signers, nichiro_names_get (&signatories[i].name, language));
      if (signatories[i].office != NULL)
        g_string_append_printf (signers, ", %s", signatories[i].office);
      g_string_append_printf (signers, " (%s)", state_name (dataset, signatories[i].side));
    }
  add_fact (self, grid, &row, n == 1 ? _("Signatory") : _("Signatories"), signers->str);

  part = nichiro_dataset_lookup_part (dataset, nichiro_entry_get_part (entry));
  if (part != NULL)
    {
      g_autofree char *part_text = g_strdup_printf ("%u. %s", part->number, nichiro_part_get_title (part, language));

      add_fact (self, grid, &row, _("Chapter part"), part_text);
    }

  gtk_widget_set_visible (GTK_WIDGET (grid), row > 0);
  gtk_box_append (self->sections, GTK_WIDGET (grid));
}

static void
add_articles (NichiroDetailView *self,
              NichiroEntry      *entry)
{
  const NichiroArticle *articles;
  GtkBox *section;
  guint n;

  articles = nichiro_entry_get_articles (entry, &n);
  if (n == 0)
    return;

  section = add_section (self, _("Key Articles"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *markup = NULL;

      if (articles[i].secret)
        markup = g_markup_printf_escaped (_("<b>Article %s</b> (secret)\n%s"), articles[i].number, articles[i].text);
      else
        markup = g_markup_printf_escaped (_("<b>Article %s</b>\n%s"), articles[i].number, articles[i].text);
      gtk_box_append (section, GTK_WIDGET (new_body_label (self, markup, TRUE)));
    }
}

static void
add_related (NichiroDetailView *self,
             NichiroDataset    *dataset,
             NichiroEntry      *entry)
{
  const NichiroRelated *related;
  g_autoptr(GString) markup = g_string_new (NULL);
  guint n;

  related = nichiro_entry_get_related (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      NichiroEntry *target = nichiro_dataset_lookup_entry (dataset, related[i].id);
      g_autofree char *uri = NULL;
      g_autofree char *link = NULL;
      g_autofree char *relation = NULL;
      g_autofree char *date = NULL;

      if (target == NULL)
        continue;

      uri = g_strconcat (ENTRY_SCHEME, related[i].id, NULL);
      link = nichiro_markup_link (uri, nichiro_session_get_title (self->session, target));
      relation = g_markup_escape_text (nichiro_relation_get_label (related[i].relation), -1);
      date = nichiro_entry_dup_date_label (target);
      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      g_string_append_printf (markup, "%s: %s (%s)", relation, link, date);
    }

  if (markup->len > 0)
    gtk_box_append (add_section (self, _("Related")), GTK_WIDGET (new_body_label (self, markup->str, TRUE)));
}

/* Each thread links to a search for everything on it. */
static void
add_threads (NichiroDetailView *self,
             NichiroDataset    *dataset,
             NichiroEntry      *entry)
{
  const char * const *ids = nichiro_entry_get_threads (entry);
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const NichiroThread *thread = nichiro_dataset_lookup_thread (dataset, ids[i]);
      g_autofree char *uri = g_strconcat (THREAD_SCHEME, ids[i], NULL);
      g_autofree char *link = nichiro_markup_link (uri, thread ? nichiro_thread_get_name (thread, nichiro_language_get_interface ())
                                                           : ids[i]);

      if (markup->len > 0)
        g_string_append (markup, " · ");
      g_string_append (markup, link);
    }

  if (markup->len > 0)
    gtk_box_append (add_section (self, _("Threads")), GTK_WIDGET (new_body_label (self, markup->str, TRUE)));
}

static void
add_sources (NichiroDetailView *self,
             NichiroEntry      *entry)
{
  const NichiroSource *sources;
  g_autoptr(GString) markup = g_string_new (NULL);
  guint n;

  sources = nichiro_entry_get_sources (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item = NULL;

      if (sources[i].url != NULL)
        item = nichiro_markup_link (sources[i].url, sources[i].title);
      else
        item = g_markup_escape_text (sources[i].title, -1);
      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      g_string_append (markup, item);
    }

  if (markup->len > 0)
    gtk_box_append (add_section (self, _("Sources")), GTK_WIDGET (new_body_label (self, markup->str, TRUE)));
}

static void
clear_sections (NichiroDetailView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
}

/* The title in the reader's language leads; the other two follow it, in
 * the dataset's order, each tagged with its language. */
static void
show_titles (NichiroDetailView *self,
             NichiroEntry      *entry)
{
  const NichiroNames *titles = nichiro_entry_get_titles (entry);
  const char *names[] = { titles->en, titles->ja, titles->ru };
  GtkLabel *others[] = { self->second_title_label, self->third_title_label };
  NichiroLanguage leading = nichiro_session_get_title_language (self->session);
  guint n_others = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == NICHIRO_N_LANGUAGES);

  /* Without a title in that language, the English one leads. */
  if (names[leading] == NULL || names[leading][0] == '\0')
    leading = NICHIRO_LANGUAGE_EN;

  gtk_label_set_text (self->title_label, names[leading]);
  set_language (self->title_label, nichiro_language_to_string (leading));
  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      if (language == leading)
        continue;
      set_optional_text (others[n_others], names[language]);
      set_language (others[n_others], nichiro_language_to_string (language));
      n_others++;
    }
}

static void
show_entry (NichiroDetailView *self,
            NichiroEntry      *entry)
{
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);
  g_autofree char *dates = nichiro_entry_dup_date_span (entry);

  gtk_label_set_text (self->kind_label, nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)));
  show_titles (self, entry);
  gtk_label_set_text (self->dates_label, dates);

  clear_sections (self);
  add_facts (self, dataset, entry);
  add_text_section (self, _("Summary"), nichiro_entry_get_summary (entry));
  add_articles (self, entry);
  add_text_section (self, _("Significance"), nichiro_entry_get_significance (entry));
  add_related (self, dataset, entry);
  add_threads (self, dataset, entry);
  add_sources (self, entry);
  add_text_section (self, _("Notes on the Sources"), nichiro_entry_get_notes (entry));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  gtk_stack_set_visible_child_name (self->stack, "entry");
}

static void
selected_changed_cb (NichiroDetailView *self)
{
  NichiroEntry *entry = self->session ? nichiro_session_get_selected (self->session) : NULL;

  if (entry != NULL)
    {
      show_entry (self, entry);
    }
  else
    {
      clear_sections (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

/* The same entry again, where the reader was in it. */
static void
title_language_changed_cb (NichiroDetailView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double position = gtk_adjustment_get_value (adjustment);

  selected_changed_cb (self);
  gtk_adjustment_set_value (adjustment, position);
}

static void
nichiro_detail_view_dispose (GObject *object)
{
  NichiroDetailView *self = (NichiroDetailView *)object;

  /* AdwBin keeps its own pointer to the child the template set: let it go
   * first, or disposing the template leaves AdwBin a dangling one. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_DETAIL_VIEW);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_detail_view_parent_class)->dispose (object);
}

static void
nichiro_detail_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NichiroDetailView *self = NICHIRO_DETAIL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_detail_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NichiroDetailView *self = NICHIRO_DETAIL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_detail_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_detail_view_class_init (NichiroDetailViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_detail_view_dispose;
  object_class->get_property = nichiro_detail_view_get_property;
  object_class->set_property = nichiro_detail_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NICHIRO_TYPE_STUDY_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-detail-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, scroller);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, title_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, second_title_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, third_title_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, dates_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, study_panel);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, sections);
  gtk_widget_class_set_css_name (widget_class, "nichiro-detail-view");
}

static void
nichiro_detail_view_init (NichiroDetailView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::selected",
                                 G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                 G_CALLBACK (title_language_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self, "session", self->study_panel, "session", G_BINDING_SYNC_CREATE);
}

/**
 * nichiro_detail_view_get_session:
 * @self: a detail view
 *
 * Returns: (transfer none) (nullable): the session whose selection is shown
 */
NichiroSession *
nichiro_detail_view_get_session (NichiroDetailView *self)
{
  g_return_val_if_fail (NICHIRO_IS_DETAIL_VIEW (self), NULL);

  return self->session;
}

void
nichiro_detail_view_set_session (NichiroDetailView *self,
                                 NichiroSession    *session)
{
  g_return_if_fail (NICHIRO_IS_DETAIL_VIEW (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session, self->session_signals, session))
    selected_changed_cb (self);
}

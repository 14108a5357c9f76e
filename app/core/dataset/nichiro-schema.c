/* nichiro-schema.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-schema"

#include "config.h"

#include "nichiro-schema.h"

#include "nichiro-data-resources.h"
#include "nichiro-date.h"
#include "nichiro-error.h"

#include <stdio.h>
#include <string.h>

/* The dataset format is defined by data/schema/nichiro-dataset.schema.json,
 * a JSON Schema. This interprets the part of JSON Schema that file uses:
 * type, const, enum, properties, required, additionalProperties: false,
 * items, minItems, minLength, pattern, minimum, maximum, format
 * ("nichiro-date", "nichiro-old-style-date", "uri") and local $ref. Keeping
 * the schema as data means the file that documents the format is the same
 * file that checks it. */

#define SCHEMA_RESOURCE "/io/github/nichiro/Nichiro/data/nichiro-dataset.schema.json"

struct _NichiroSchema
{
  JsonNode *root;
  JsonObject *defs;
  GHashTable *regexes;
};

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_INT64:
      return "an integer";
    default:
      return "a number";
    }
}

static const char *
describe_type (const char *type)
{
  if (g_str_equal (type, "object"))
    return "an object";
  if (g_str_equal (type, "array"))
    return "an array";
  if (g_str_equal (type, "string"))
    return "a string";
  if (g_str_equal (type, "integer"))
    return "an integer";
  if (g_str_equal (type, "number"))
    return "a number";
  if (g_str_equal (type, "boolean"))
    return "true or false";
  if (g_str_equal (type, "null"))
    return "null";
  return type;
}

static gboolean
node_has_type (JsonNode   *node,
               const char *type)
{
  GType value_type;

  if (g_str_equal (type, "object"))
    return JSON_NODE_HOLDS_OBJECT (node);
  if (g_str_equal (type, "array"))
    return JSON_NODE_HOLDS_ARRAY (node);
  if (g_str_equal (type, "null"))
    return JSON_NODE_HOLDS_NULL (node);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  value_type = json_node_get_value_type (node);
  if (g_str_equal (type, "string"))
    return value_type == G_TYPE_STRING;
  if (g_str_equal (type, "integer"))
    return value_type == G_TYPE_INT64;
  if (g_str_equal (type, "number"))
    return value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;
  if (g_str_equal (type, "boolean"))
    return value_type == G_TYPE_BOOLEAN;
  return FALSE;
}

/* A short, quoted excerpt of a string value for messages. */
static char *
quote_value (JsonNode *node)
{
  const char *text;
  g_autofree char *shortened = NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, node);
      return json_generator_to_data (generator, NULL);
    }

  text = json_node_get_string (node);
  if (g_utf8_strlen (text, 61) > 60)
    {
      shortened = g_utf8_substring (text, 0, 57);
      return g_strdup_printf ("“%s…”", shortened);
    }
  return g_strdup_printf ("“%s”", text);
}

static char *
describe_choices (JsonArray *choices)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (choices); i++)
    {
      g_autofree char *quoted = quote_value (json_array_get_element (choices, i));

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, quoted);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonObject *
resolve (NichiroSchema *self,
         JsonObject    *schema)
{
  /* Bounded: a chain of references longer than this is a broken schema. */
  for (guint i = 0; i < 16 && json_object_has_member (schema, "$ref"); i++)
    {
      const char *ref = json_object_get_string_member (schema, "$ref");
      JsonNode *target;

      if (ref == NULL || !g_str_has_prefix (ref, "#/$defs/") || self->defs == NULL)
        return NULL;
      target = json_object_get_member (self->defs, ref + strlen ("#/$defs/"));
      if (target == NULL || !JSON_NODE_HOLDS_OBJECT (target))
        return NULL;
      schema = json_node_get_object (target);
    }

  return schema;
}

static const char *
schema_description (JsonObject *schema,
                    JsonObject *resolved)
{
  if (json_object_has_member (schema, "description"))
    return json_object_get_string_member (schema, "description");
  if (json_object_has_member (resolved, "description"))
    return json_object_get_string_member (resolved, "description");
  return NULL;
}

static GRegex *
get_regex (NichiroSchema *self,
           const char    *pattern)
{
  GRegex *regex = g_hash_table_lookup (self->regexes, pattern);

  if (regex == NULL)
    {
      regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
      if (regex == NULL)
        return NULL;
      g_hash_table_insert (self->regexes, g_strdup (pattern), regex);
    }

  return regex;
}

static void
check_date_format (NichiroJsonChecker *checker,
                   const char         *text,
                   gboolean            julian)
{
  NichiroDate date;
  int year, month, day;
  char tail;

  if (julian ? nichiro_date_parse_old_style (text, &date) : nichiro_date_parse (text, &date))
    return;

  /* Well-formed but impossible dates get a message that says why. */
  if (strlen (text) == 10 &&
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
      year >= 1 && month >= 1 && month <= 12 && day >= 1)
    {
      nichiro_json_checker_add (checker,
                                "“%s” is not a real date: %s %d has %d days",
                                text, month_names[month - 1], year,
                                nichiro_date_days_in_month (year, month, julian));
      return;
    }

  nichiro_json_checker_add (checker,
                            "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found “%s”",
                            text);
}

static void
check_format (NichiroJsonChecker *checker,
              const char         *format,
              const char         *text)
{
  if (g_str_equal (format, "nichiro-date"))
    {
      check_date_format (checker, text, FALSE);
    }
  else if (g_str_equal (format, "nichiro-old-style-date"))
    {
      check_date_format (checker, text, TRUE);
    }
  else if (g_str_equal (format, "uri"))
    {
      if (!g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL) ||
          (!g_str_has_prefix (text, "https://") && !g_str_has_prefix (text, "http://")))
        nichiro_json_checker_add (checker,
                                  "expected an http:// or https:// address, found “%s”",
                                  text);
    }
}

static void validate_node (NichiroSchema      *self,
                           JsonObject         *schema,
                           JsonNode           *node,
                           NichiroJsonChecker *checker);

static gboolean
check_type (JsonObject         *schema,
            JsonNode           *node,
            NichiroJsonChecker *checker)
{
  JsonNode *type = json_object_get_member (schema, "type");
  g_autoptr(GString) expected = NULL;

  if (type == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (type))
    {
      const char *name = json_node_get_string (type);

      if (name == NULL || node_has_type (node, name))
        return TRUE;
      nichiro_json_checker_add (checker, "expected %s, found %s",
                                describe_type (name), describe_node (node));
      return FALSE;
    }

  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      expected = g_string_new (NULL);
      for (guint i = 0; i < json_array_get_length (types); i++)
        {
          const char *name = json_array_get_string_element (types, i);

          if (name == NULL)
            continue;
          if (node_has_type (node, name))
            return TRUE;
          if (expected->len > 0)
            g_string_append (expected, " or ");
          g_string_append (expected, describe_type (name));
        }
      nichiro_json_checker_add (checker, "expected %s, found %s",
                                expected->str, describe_node (node));
      return FALSE;
    }

  return TRUE;
}

static void
validate_object (NichiroSchema      *self,
                 JsonObject         *schema,
                 JsonObject         *object,
                 NichiroJsonChecker *checker)
{
  JsonObject *properties = NULL;
  JsonNode *additional;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (json_object_has_member (schema, "properties"))
    properties = json_object_get_object_member (schema, "properties");

  if (json_object_has_member (schema, "required"))
    {
      JsonArray *required = json_object_get_array_member (schema, "required");

      for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
        {
          const char *name = json_array_get_string_element (required, i);

          if (name != NULL && !json_object_has_member (object, name))
            nichiro_json_checker_add (checker, "missing required member “%s”", name);
        }
    }

  additional = json_object_get_member (schema, "additionalProperties");

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    {
      JsonNode *property = properties ? json_object_get_member (properties, member) : NULL;

      nichiro_json_checker_push_member (checker, member);
      if (property != NULL && JSON_NODE_HOLDS_OBJECT (property))
        {
          validate_node (self, json_node_get_object (property), value, checker);
        }
      else if (additional != NULL && JSON_NODE_HOLDS_VALUE (additional) &&
               !json_node_get_boolean (additional))
        {
          g_autoptr(GString) known = g_string_new (NULL);
          g_autoptr(GList) names = properties ? json_object_get_members (properties) : NULL;

          for (GList *l = names; l != NULL; l = l->next)
            g_string_append_printf (known, "%s%s", known->len ? ", " : "", (const char *) l->data);
          nichiro_json_checker_add (checker, "unknown member “%s”; expected one of: %s",
                                    member, known->str);
        }
      nichiro_json_checker_pop (checker);
    }
}

static void
validate_array (NichiroSchema      *self,
                JsonObject         *schema,
                JsonArray          *array,
                NichiroJsonChecker *checker)
{
  guint length = json_array_get_length (array);
  JsonNode *items = json_object_get_member (schema, "items");

  if (json_object_has_member (schema, "minItems"))
    {
      gint64 min_items = json_object_get_int_member (schema, "minItems");

      if (length < min_items)
        nichiro_json_checker_add (checker, "expected at least %" G_GINT64_FORMAT " item%s, found %u",
                                  min_items, min_items == 1 ? "" : "s", length);
    }

  if (items == NULL || !JSON_NODE_HOLDS_OBJECT (items))
    return;

  for (guint i = 0; i < length; i++)
    {
      nichiro_json_checker_push_index (checker, i);
      validate_node (self, json_node_get_object (items), json_array_get_element (array, i), checker);
      nichiro_json_checker_pop (checker);
    }
}

static void
validate_string (NichiroSchema      *self,
                 JsonObject         *schema,
                 JsonObject         *resolved,
                 const char         *text,
                 NichiroJsonChecker *checker)
{
  if (json_object_has_member (resolved, "minLength"))
    {
      gint64 min_length = json_object_get_int_member (resolved, "minLength");
      gint64 length = 0;

      /* Count only as far as the minimum: summaries run to paragraphs. */
      for (const char *p = text; *p != '\0' && length < min_length; p = g_utf8_next_char (p))
        length++;

      if (length < min_length)
        {
          nichiro_json_checker_add (checker,
                                    min_length == 1 ? "expected text, found an empty string"
                                                    : "expected a longer string");
          return;
        }
    }

  if (json_object_has_member (resolved, "pattern"))
    {
      const char *pattern = json_object_get_string_member (resolved, "pattern");
      GRegex *regex = pattern ? get_regex (self, pattern) : NULL;

      if (regex != NULL && !g_regex_match (regex, text, 0, NULL))
        {
          const char *description = schema_description (schema, resolved);

          if (description != NULL)
            {
              g_autofree char *expected = g_strdup (description);
              gsize length = strlen (expected);

              /* Descriptions are sentences; the message quotes one as a clause. */
              if (length > 0 && expected[length - 1] == '.')
                expected[length - 1] = '\0';
              expected[0] = g_ascii_tolower (expected[0]);
              nichiro_json_checker_add (checker, "“%s” is not allowed here; expected %s", text, expected);
            }
          else
            nichiro_json_checker_add (checker, "“%s” does not match %s", text, pattern);
          return;
        }
    }

  if (json_object_has_member (resolved, "format"))
    {
      const char *format = json_object_get_string_member (resolved, "format");

      if (format != NULL)
        check_format (checker, format, text);
    }
}

static void
validate_number (JsonObject         *resolved,
                 JsonNode           *node,
                 NichiroJsonChecker *checker)
{
  double value = json_node_get_value_type (node) == G_TYPE_INT64
                 ? (double) json_node_get_int (node) : json_node_get_double (node);

  if (json_object_has_member (resolved, "minimum"))
    {
      double minimum = json_object_get_double_member (resolved, "minimum");

      if (value < minimum)
        {
          nichiro_json_checker_add (checker, "%g is too small here; the least allowed is %g", value, minimum);
          return;
        }
    }

  if (json_object_has_member (resolved, "maximum"))
    {
      double maximum = json_object_get_double_member (resolved, "maximum");

      if (value > maximum)
        nichiro_json_checker_add (checker, "%g is too large here; the most allowed is %g", value, maximum);
    }
}

static void
validate_node (NichiroSchema      *self,
               JsonObject         *schema,
               JsonNode           *node,
               NichiroJsonChecker *checker)
{
  JsonObject *resolved = resolve (self, schema);

  if (resolved == NULL)
    {
      nichiro_json_checker_add (checker, "the schema has a broken reference here");
      return;
    }

  if (json_object_has_member (resolved, "const"))
    {
      JsonNode *expected = json_object_get_member (resolved, "const");

      if (!json_node_equal (expected, node))
        {
          g_autofree char *want = quote_value (expected);
          g_autofree char *found = quote_value (node);

          nichiro_json_checker_add (checker, "expected %s, found %s", want, found);
        }
      return;
    }

  if (!check_type (resolved, node, checker))
    return;

  if (json_object_has_member (resolved, "enum"))
    {
      JsonArray *choices = json_object_get_array_member (resolved, "enum");
      gboolean matched = FALSE;

      for (guint i = 0; choices != NULL && i < json_array_get_length (choices) && !matched; i++)
        matched = json_node_equal (json_array_get_element (choices, i), node);

      if (!matched && choices != NULL)
        {
          g_autofree char *found = quote_value (node);
          g_autofree char *allowed = describe_choices (choices);

          nichiro_json_checker_add (checker, "unknown value %s; expected one of %s", found, allowed);
        }
      return;
    }

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      validate_object (self, resolved, json_node_get_object (node), checker);
      break;

    case JSON_NODE_ARRAY:
      validate_array (self, resolved, json_node_get_array (node), checker);
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        validate_string (self, schema, resolved, json_node_get_string (node), checker);
      else if (json_node_get_value_type (node) == G_TYPE_INT64 ||
               json_node_get_value_type (node) == G_TYPE_DOUBLE)
        validate_number (resolved, node, checker);
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/**
 * nichiro_schema_new_from_bytes:
 * @bytes: the text of a JSON Schema document
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the schema, or %NULL on error
 */
NichiroSchema *
nichiro_schema_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  NichiroSchema *self;
  JsonNode *root;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                           "the schema is not a JSON object");
      return NULL;
    }

  self = g_new0 (NichiroSchema, 1);
  self->root = json_node_copy (root);
  if (json_object_has_member (json_node_get_object (self->root), "$defs"))
    self->defs = json_object_get_object_member (json_node_get_object (self->root), "$defs");
  self->regexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_regex_unref);

  return self;
}

/**
 * nichiro_schema_get_default:
 *
 * The dataset schema bundled with the program, loaded once.
 *
 * Returns: (transfer none): the schema
 */
NichiroSchema *
nichiro_schema_get_default (void)
{
  static NichiroSchema *schema;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      NichiroSchema *loaded;

      bytes = g_resource_lookup_data (nichiro_data_get_resource (), SCHEMA_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      /* The schema is compiled into the program: failing here is a build bug,
       * not bad input, so it is fatal like any other broken invariant. */
      g_assert_no_error (error);
      loaded = nichiro_schema_new_from_bytes (bytes, &error);
      g_assert_no_error (error);
      g_once_init_leave (&schema, loaded);
    }

  return schema;
}

void
nichiro_schema_free (NichiroSchema *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->regexes, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self);
}

/**
 * nichiro_schema_validate:
 * @self: a schema
 * @instance: the document to check
 * @checker: where problems are recorded, with their JSON paths
 */
void
nichiro_schema_validate (NichiroSchema      *self,
                         JsonNode           *instance,
                         NichiroJsonChecker *checker)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (instance != NULL);
  g_return_if_fail (checker != NULL);

  validate_node (self, json_node_get_object (self->root), instance, checker);
}

"""Text and NLP processing: raw articles in, article records (entities, topics) out."""

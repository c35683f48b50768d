"""Views that read a finished database: report (HTML), show (one document), graph (the citation
network), evaluate (scores against a gold file)."""

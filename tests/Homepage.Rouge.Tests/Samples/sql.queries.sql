-- Papers by year
CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    title VARCHAR(255) NOT NULL,
    "year" int DEFAULT 2024,
    `venue` text
);
/* nested /* comment */ still comment */
INSERT INTO papers (title, year) VALUES ('It''s a title', 2023), ('Escaped \' quote', 2024);
SELECT p.title, COUNT(*) AS n
FROM papers p LEFT JOIN authors a ON a.paper_id = p.id
WHERE p.year >= 2020 AND a.name LIKE '%Liu%'
GROUP BY p.title HAVING n > 1 ORDER BY n DESC LIMIT 10;

-- ---- schema, views and reports for the publications database ----
CREATE TABLE IF NOT EXISTS authors (
    id          SERIAL PRIMARY KEY,
    name        VARCHAR(120) NOT NULL UNIQUE,
    orcid       CHAR(19) CHECK (orcid ~ '^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$'),
    affiliation TEXT DEFAULT NULL,
    created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE paper_authors (
    paper_id  INTEGER REFERENCES papers (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES authors (id),
    position  SMALLINT NOT NULL DEFAULT 1,
    PRIMARY KEY (paper_id, author_id)
);

CREATE INDEX idx_papers_year ON papers (year DESC);
CREATE UNIQUE INDEX IF NOT EXISTS idx_authors_orcid ON authors (orcid) WHERE orcid IS NOT NULL;

ALTER TABLE papers ADD COLUMN citations INTEGER NOT NULL DEFAULT 0;
ALTER TABLE papers ADD COLUMN doi VARCHAR(64);
ALTER TABLE papers RENAME COLUMN venue TO venue_name;

CREATE OR REPLACE VIEW recent_papers AS
SELECT p.id,
       p.title,
       p.year,
       string_agg(a.name, ', ' ORDER BY pa.position) AS authors,
       COALESCE(p.citations, 0) AS citations
FROM papers AS p
JOIN paper_authors AS pa ON pa.paper_id = p.id
JOIN authors AS a ON a.id = pa.author_id
WHERE p.year BETWEEN 2019 AND 2025
GROUP BY p.id, p.title, p.year;

-- h-index per author, with a window function
WITH ranked AS (
    SELECT a.name,
           p.citations,
           ROW_NUMBER() OVER (PARTITION BY a.id ORDER BY p.citations DESC) AS rn
    FROM authors a
    INNER JOIN paper_authors pa ON pa.author_id = a.id
    INNER JOIN papers p ON p.id = pa.paper_id
)
SELECT name, MAX(rn) AS h_index
FROM ranked
WHERE citations >= rn
GROUP BY name
ORDER BY h_index DESC, name ASC
LIMIT 20 OFFSET 0;

UPDATE papers
SET citations = citations + 1,
    doi = CASE WHEN doi IS NULL THEN '10.1000/' || id::text ELSE doi END
WHERE id IN (SELECT paper_id FROM paper_authors WHERE position = 1)
  AND NOT EXISTS (SELECT 1 FROM authors WHERE affiliation IS NULL);

DELETE FROM papers WHERE year < 1990 OR title = '' RETURNING id, title;

INSERT INTO authors (name, orcid, affiliation)
VALUES ('Haozhe Liu', '0000-0002-1234-567X', 'KAUST'),
       ('Jürgen Schmidhuber', NULL, 'KAUST; IDSIA')
ON CONFLICT (name) DO UPDATE SET affiliation = EXCLUDED.affiliation;

BEGIN TRANSACTION;
SAVEPOINT before_cleanup;
TRUNCATE TABLE paper_authors;
ROLLBACK TO SAVEPOINT before_cleanup;
COMMIT;

SELECT year,
       COUNT(*) FILTER (WHERE citations > 100) AS highly_cited,
       ROUND(AVG(citations)::numeric, 2) AS mean,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY citations) AS median,
       1.5e3 AS scale, -42 AS offset_value, 0.25 AS ratio
FROM papers
GROUP BY ROLLUP (year)
HAVING COUNT(*) > 0
UNION ALL
SELECT NULL, 0, 0, 0, 0, 0, 0
ORDER BY 1 NULLS LAST;

GRANT SELECT ON recent_papers TO reader;
DROP VIEW IF EXISTS old_view CASCADE;
SELECT title FROM papers WHERE title ILIKE 'neural%' AND year <> 2020;
EXPLAIN ANALYZE SELECT * FROM recent_papers WHERE authors LIKE '%Liu%';
-- end of file

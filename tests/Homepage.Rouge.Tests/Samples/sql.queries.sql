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

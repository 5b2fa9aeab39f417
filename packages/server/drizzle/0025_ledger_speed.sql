-- Hand-written (issue 18, month run speed). Nothing here is in the drizzle schema: a trigger
-- function and a storage parameter.
--
-- The balance check reads only the postings the statement inserted. Every writer inserts a
-- transaction's postings in one statement and postings are never updated or deleted, so if each
-- statement's postings balance per transaction, every transaction balances; reading the table's
-- earlier postings as well made each month-run page pay for all the pages before it.
CREATE OR REPLACE FUNCTION ledger_check_balanced_statement() RETURNS trigger AS $$
DECLARE
  bad uuid;
BEGIN
  SELECT n.tx_id INTO bad FROM ledger_new_postings n GROUP BY n.tx_id HAVING sum(n.amount_fen) <> 0 LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION '账本交易 % 借贷不平衡', bad USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Room on each page for the new version of an account's row: the month run moves every elder's
-- account once a month, and with free space on the page the update stays on it (HOT) instead of
-- adding an entry to each of the table's four indexes.
ALTER TABLE "ledger_accounts" SET (fillfactor = 50);

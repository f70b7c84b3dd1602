const q = sql`select ${a} from
  users
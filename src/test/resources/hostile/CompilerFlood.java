import java.util.Map;

/** 20 errors, each printing an inferred type of 2^11 leaves: the compiler's messages flood (~540 KB). */
public class CompilerFlood {
    static <T> Map<T, T> d(T t) { return null; }

    public static void main(String[] args) {
        var v0 = d(d(d(d(d(d(d(d(d(d(d(0))))))))))); String s0 = v0;
        var v1 = d(d(d(d(d(d(d(d(d(d(d(1))))))))))); String s1 = v1;
        var v2 = d(d(d(d(d(d(d(d(d(d(d(2))))))))))); String s2 = v2;
        var v3 = d(d(d(d(d(d(d(d(d(d(d(3))))))))))); String s3 = v3;
        var v4 = d(d(d(d(d(d(d(d(d(d(d(4))))))))))); String s4 = v4;
        var v5 = d(d(d(d(d(d(d(d(d(d(d(5))))))))))); String s5 = v5;
        var v6 = d(d(d(d(d(d(d(d(d(d(d(6))))))))))); String s6 = v6;
        var v7 = d(d(d(d(d(d(d(d(d(d(d(7))))))))))); String s7 = v7;
        var v8 = d(d(d(d(d(d(d(d(d(d(d(8))))))))))); String s8 = v8;
        var v9 = d(d(d(d(d(d(d(d(d(d(d(9))))))))))); String s9 = v9;
        var v10 = d(d(d(d(d(d(d(d(d(d(d(10))))))))))); String s10 = v10;
        var v11 = d(d(d(d(d(d(d(d(d(d(d(11))))))))))); String s11 = v11;
        var v12 = d(d(d(d(d(d(d(d(d(d(d(12))))))))))); String s12 = v12;
        var v13 = d(d(d(d(d(d(d(d(d(d(d(13))))))))))); String s13 = v13;
        var v14 = d(d(d(d(d(d(d(d(d(d(d(14))))))))))); String s14 = v14;
        var v15 = d(d(d(d(d(d(d(d(d(d(d(15))))))))))); String s15 = v15;
        var v16 = d(d(d(d(d(d(d(d(d(d(d(16))))))))))); String s16 = v16;
        var v17 = d(d(d(d(d(d(d(d(d(d(d(17))))))))))); String s17 = v17;
        var v18 = d(d(d(d(d(d(d(d(d(d(d(18))))))))))); String s18 = v18;
        var v19 = d(d(d(d(d(d(d(d(d(d(d(19))))))))))); String s19 = v19;
    }
}
